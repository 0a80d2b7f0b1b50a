import { defineMessages } from "../define";

export const customers = defineMessages({
  en: {
    title: "Customers",
    noAccess: "Customer-level data is visible to researchers and admins only.",
  },
  fi: {
    title: "Asiakkaat",
    noAccess: "Asiakastason tiedot näkyvät vain tutkijoille ja ylläpitäjille.",
  },
  sv: {
    title: "Kunder",
    noAccess: "Data på kundnivå visas bara för forskare och administratörer.",
  },
});
