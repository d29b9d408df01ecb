/** The credit the State Media Monitor / ASD data requires (MIT); shown in the README and the extension. */
export const CREDIT =
  'State media profiles by the Alliance for Securing Democracy (MIT); seed data (country, media company, main assets, typology) from the State Media Monitor of the Media and Journalism Research Center';
export const SOURCE_COMMIT = 'd878fee1e0aecce9bd63a65ae826df84c6d80e59';
