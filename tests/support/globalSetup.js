// Builds the tab's static files once before the suite, so browser tests serve what `npm start` serves.
const { buildTab } = require('../../scripts/build-tab.js');
module.exports = async () => {
  await buildTab({ quiet: true });
};
