// Builds the app unless the last build is of the same sources.
import { buildIfNeeded } from "./prepare";

buildIfNeeded();
