/** The bloc-marque and home link shared by DSFR's Header and Footer (the Footer may render before the async Header). */
export const BRAND_TOP = (
  <>
    République
    <br />
    Française
  </>
);

export const HOME_LINK_PROPS = { href: "/", title: "Accueil — Guichet HospiConnect" };
