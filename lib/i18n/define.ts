/**
 * Each area keeps its UI texts in one file with all three languages side by side;
 * the Finnish and Swedish objects are typed by the English one, so a missing key fails the build.
 */
export function defineMessages<const E extends Record<string, string>>(messages: {
  en: E;
  fi: Record<keyof E, string>;
  sv: Record<keyof E, string>;
}) {
  return messages;
}
