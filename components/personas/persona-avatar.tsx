import { avatarColorIndex, personaInitials } from "@/lib/personas/persona-initials";

// Dark enough for white text at AA contrast; printed pages keep the colour.
const PALETTE = ["bg-indigo-700", "bg-teal-700", "bg-rose-700", "bg-amber-700", "bg-sky-700", "bg-violet-700", "bg-emerald-700"];
const SIZES = { md: "h-12 w-12 text-lg", lg: "h-20 w-20 text-2xl" } as const;

/** An avatar of initials (no stock faces). Decorative: the persona's name is always printed beside it. */
export function PersonaAvatar({ name, size = "md" }: { name: string; size?: keyof typeof SIZES }) {
  return (
    <div
      aria-hidden="true"
      className={`flex shrink-0 items-center justify-center rounded-full font-semibold text-white [print-color-adjust:exact] ${SIZES[size]} ${PALETTE[avatarColorIndex(name, PALETTE.length)]}`}
    >
      {personaInitials(name)}
    </div>
  );
}
