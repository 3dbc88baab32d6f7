import { forwardRef, useId, type InputHTMLAttributes } from "react";

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField({ label, hint, error, id, className, ...props }, ref) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-aide` : undefined;
  const errorId = error ? `${inputId}-erreur` : undefined;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm">
          {hint}
        </p>
      )}
      <input
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`mt-1 block w-full max-w-md border-b-2 bg-fond-alt px-3 py-2 ${error ? "border-erreur" : "border-gris-texte"}`}
        {...props}
      />
      {error && (
        <p id={errorId} className="mt-1 text-sm font-semibold text-erreur">
          {error}
        </p>
      )}
    </div>
  );
});
