// Placeholder entry point so the package builds on the `numerics` branch.
// Delete this file when the real `mtl` command lands.
