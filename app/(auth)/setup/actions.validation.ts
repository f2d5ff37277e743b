import { z } from "zod";

import { text } from "@/lib/schemas/form-fields";

// FormData → setupFirstAdmin's input (which validates the values themselves).
export const setupForm = z.object({ email: text, name: text, password: text });
