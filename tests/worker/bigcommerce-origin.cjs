// Test seam of the worker suite, loaded into Microsoft's worker with `node --require` (what the host's
// languageWorkers__node__arguments setting does). BigCommerce's API has one public origin, which a test
// cannot reach, so the app's requests to it go to the suite's local fake (tests/shared/bigcommerce).
const publicApi = /^https:\/\/api\.bigcommerce\.com(?=\/)/;
const fake = process.env.WORKER_SUITE_BIGCOMMERCE_ORIGIN;
const realFetch = globalThis.fetch;
if (fake) {
  globalThis.fetch = (input, init) =>
    realFetch(typeof input === 'string' || input instanceof globalThis.URL ? String(input).replace(publicApi, fake) : input, init);
}
