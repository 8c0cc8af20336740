import type { ComponentProps } from "react";
import { Field } from "./field.tsx";

/** A labelled file picker that hands over the chosen file; cancelling the choice does nothing. */
export function FileField({
  onFile,
  ...field
}: Omit<ComponentProps<typeof Field>, "type" | "onChange"> & { onFile: (file: File) => void }) {
  return (
    <Field
      {...field}
      type="file"
      onChange={(event) => {
        const file = event.target.files?.[0];
        if (file) onFile(file);
      }}
    />
  );
}
