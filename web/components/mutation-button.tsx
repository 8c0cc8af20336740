import type { ReactNode } from "react";

/** A button that sends one change; it is not offered again while that is on its way, so it is sent once. */
export function MutationButton({
  mutation,
  className,
  children,
}: {
  mutation: { mutate: (variables: void) => void; isPending: boolean };
  className: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      disabled={mutation.isPending}
      onClick={() => mutation.mutate()}
    >
      {children}
    </button>
  );
}
