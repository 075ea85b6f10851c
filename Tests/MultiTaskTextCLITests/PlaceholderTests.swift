// Placeholder so the CLI test target has a source file on the `numerics` branch.
// Delete this file when the real CLI tests land.
import Testing
