/** Stylesheets do nothing under jest. */
export default {};
