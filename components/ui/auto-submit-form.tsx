"use client";

/** A form sent again whenever one of its fields changes (a plain form, with its submit button, without JavaScript). */
export function AutoSubmitForm(props: Omit<React.FormHTMLAttributes<HTMLFormElement>, "onChange">) {
  return <form {...props} onChange={(e) => e.currentTarget.requestSubmit()} />;
}
