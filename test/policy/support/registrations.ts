/**
 * What the program sends the engine for each resource, captured from the mock monitor: type, name, URN,
 * parent, inputs, outputs (the mock's state), dependencies per property and options. The policy engine gives
 * policies exactly this, so the pack can run over the dev and prod stacks as `pulumi preview` would.
 */
import * as pulumi from "@pulumi/pulumi";

export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly custom: boolean;
  readonly parent?: string;
  readonly inputs: Record<string, unknown>;
  readonly outputs: Record<string, unknown>;
  readonly dependencies: readonly string[];
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  readonly ignoreChanges: readonly string[];
  readonly protect: boolean;
  /** The URN of the resource's explicit provider (the engine's default provider is not registered under mocks). */
  readonly provider?: string;
}

/** The parts of the RegisterResource request and response this reads (pulumi/proto/resource_pb). */
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProtect(): boolean;
  getObject(): unknown;
  getDependenciesList(): string[];
  getPropertydependenciesMap(): { forEach(callback: (value: { getUrnsList(): string[] }, key: string) => void): void };
  getIgnorechangesList(): string[];
  getProvider(): string;
}
interface RegisterResponse {
  getUrn(): string;
  getObject(): unknown;
}
type Callback = (error: Error | null, response?: RegisterResponse) => void;
interface PatchableMonitor {
  registerResource(request: RegisterRequest, callback: Callback): unknown;
}

const deserialize = (struct: unknown): Record<string, unknown> =>
  pulumi.runtime.deserializeProperties(struct as Parameters<typeof pulumi.runtime.deserializeProperties>[0]);

/** Starts recording every registration on the mock monitor installed last (call after installMocks). */
export function captureRegistrations(): Registration[] {
  const monitor = pulumi.runtime.getMonitor() as unknown as PatchableMonitor | undefined;
  if (!monitor) throw new Error("captureRegistrations: no mock monitor; call installMocks first");
  const captured: Registration[] = [];
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, callback) =>
    register(request, (error, response) => {
      if (!error && response) {
        const propertyDependencies: Record<string, string[]> = {};
        request.getPropertydependenciesMap().forEach((value, key) => (propertyDependencies[key] = value.getUrnsList()));
        captured.push({
          type: request.getType(),
          name: request.getName(),
          urn: response.getUrn(),
          custom: request.getCustom(),
          ...(request.getParent() ? { parent: request.getParent() } : {}),
          inputs: deserialize(request.getObject()),
          outputs: deserialize(response.getObject()),
          dependencies: request.getDependenciesList(),
          propertyDependencies,
          ignoreChanges: request.getIgnorechangesList(),
          protect: request.getProtect(),
          // A provider reference is `<urn>::<id>`.
          ...(request.getProvider() ? { provider: request.getProvider().replace(/::[^:]*$/, "") } : {}),
        });
      }
      callback(error, response);
    });
  return captured;
}
