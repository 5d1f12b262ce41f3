/**
 * botocore's path normalization for SigV4 (botocore/utils.py `normalize_url_path` and
 * `remove_dot_segments`), ported line by line: what AWS's Python SDK and API Gateway-style verifiers make of
 * a path before they encode it. RFC 3986 section 5.2.4 dot-segment removal, plus dropping empty segments.
 */
export function botocoreNormalizePath(path: string): string {
  if (!path) return "/";
  const output: string[] = [];
  for (const x of path.split("/")) {
    if (x && x !== ".") {
      if (x === "..") {
        if (output.length > 0) output.pop();
      } else {
        output.push(x);
      }
    }
  }
  const first = path[0] === "/" ? "/" : "";
  const last = path[path.length - 1] === "/" && output.length > 0 ? "/" : "";
  return first + output.join("/") + last;
}
