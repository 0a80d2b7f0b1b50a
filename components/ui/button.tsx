"use client";

import { useSyncExternalStore, type ButtonHTMLAttributes } from "react";
import { buttonClass, type ButtonVariant } from "./button-class";

const subscribe = () => () => {};

/**
 * Submit buttons stay disabled until React has hydrated: a click before that would submit the
 * form natively as a GET, putting its fields (a password, say) into the URL and losing the input.
 */
export function Button({ variant = "primary", className = "", type = "button", disabled, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  return <button type={type} disabled={disabled || (type === "submit" && !hydrated)} {...props} className={`${buttonClass(variant)} ${className}`} />;
}


