import { z } from "zod";

import { text } from "@/lib/schemas/form-fields";

// FormData → setupWithCode's input (which validates the values themselves).
export const setupForm = z.object({ code: text, email: text, name: text, password: text });
