import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

export interface ExampleRun {
  readonly created: { readonly type: string; readonly name: string; readonly inputs: Record<string, any> }[];
  readonly program: Record<string, pulumi.Output<unknown>>;
}

/** Runs a program under `examples/` under mocks, its StackReference answering with `edgeOutputs`. */
export function loadExample(dir: string, project: string, config: Record<string, string>, edgeOutputs: object): ExampleRun {
  const created: ExampleRun["created"][number][] = [];
  pulumi.runtime.setMocks({
    newResource: (args) => {
      created.push({ type: args.type, name: args.name, inputs: args.inputs });
      if (args.type === "pulumi:pulumi:StackReference") return { id: args.inputs.name, state: { name: args.inputs.name, outputs: edgeOutputs, secretOutputNames: [] } };
      return { id: `${args.name}-id`, state: { ...args.inputs, arn: `arn:aws:mock:us-east-1:123456789012:${args.name}` } };
    },
    call: (args) => {
      throw new Error(`unexpected invoke ${args.token}`);
    },
  }, project, "dev");
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [`${project}:${k}`, v])));
  const file = require.resolve(path.join(__dirname, "..", "..", "examples", dir, "index.ts"));
  delete require.cache[file];
  return { created, program: require(file) };
}
