import { z } from "zod";

import { text } from "@/lib/schemas/form-fields";

// FormData → the password-reset use cases' input (which validate the values themselves).
export const resetRequestForm = z.object({ email: text });
export const resetConfirmForm = z.object({ token: text, password: text });
