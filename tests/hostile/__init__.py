"""The hostile-input corpus (issue 9): generated files and the invariants they must keep."""
