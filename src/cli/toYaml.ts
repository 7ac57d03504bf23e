// The scenario's YAML is made in text/ so that the web page writes the same file as `adequacy example`.
export { toYaml } from "../text/toYaml.js";
