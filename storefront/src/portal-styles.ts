/**
 * The little CSS Cornerstone has no class for: numeric alignment, the totals in the lines table's
 * foot, the filter row, stacked table rows on phones, and print (a detail printed from the browser:
 * no controls and no Buy again column, the table's header repeated on every sheet, rows and totals
 * never split across sheets). Injected once, so a Script Manager install needs no theme stylesheet.
 * Table rules are scoped under `.erp-portal` and name `tbody tr`, so they outrank Cornerstone's
 * `.table tbody tr td { display: table-cell }` and `.table tr td` padding, whatever the order.
 */
const css = `
.erp-portal .u-hiddenVisually{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.erp-portal .erp-portal-table{width:100%;border-collapse:collapse;margin-bottom:1.5rem}
.erp-portal .erp-portal-table tr th,.erp-portal .erp-portal-table tr td{text-align:left;padding:.75rem .5rem;border-bottom:1px solid #e5e5e5;vertical-align:top}
.erp-portal .erp-portal-table thead tr th{font-weight:700;border-bottom-width:2px}
.erp-portal .erp-portal-table tbody tr th{font-weight:400}
.erp-portal .erp-portal-table tr .erp-portal-numeric{text-align:right;font-variant-numeric:tabular-nums}
.erp-portal-filters .form-fieldset{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end;border:0;padding:0;margin:0}
.erp-portal-filters .form-field{flex:1 1 9rem;margin-bottom:1rem}
.erp-portal-actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-bottom:1rem}
.erp-portal-actions .button{margin:0}
.erp-portal-status{min-height:1.5em;margin:0 0 .75rem}
.erp-portal-account{margin:0 0 1rem;color:#757575}
.erp-portal-results[aria-busy=true]{opacity:.5;transition:opacity .2s}
.erp-portal-pagination button.pagination-link{background:none;border:0;cursor:pointer;font:inherit;color:inherit}
.erp-portal .erp-portal-facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
.erp-portal .erp-portal-facts::before,.erp-portal .erp-portal-facts::after{content:none;display:none}
.erp-portal .erp-portal-facts dt,.erp-portal .erp-portal-facts dd{margin:0}
.erp-portal .erp-portal-table tfoot tr th,.erp-portal .erp-portal-table tfoot tr td{border-bottom:0;padding:.35rem .5rem;font-weight:400}
.erp-portal .erp-portal-table tfoot .erp-portal-grand-total th,.erp-portal .erp-portal-table tfoot .erp-portal-grand-total td{font-weight:700;border-top:2px solid #e5e5e5;padding-top:.6rem}
.erp-portal .erp-portal-basis{color:#757575;font-size:.875em}
.erp-portal :focus-visible{outline:2px solid currentColor;outline-offset:2px}
.erp-portal [tabindex="-1"]:focus{outline:none}
.erp-portal .erp-portal-buy-again{margin:0 0 1rem}
.erp-portal .erp-portal-buy-line{display:inline-flex;gap:.5rem;align-items:center}
.erp-portal .erp-portal-buy-line .button{margin:0}
.erp-portal .erp-portal-buy-quantity{width:5rem;margin:0}
.erp-portal .erp-portal-buy-result{margin-top:.75rem}
@media (max-width:600px){
.erp-portal .erp-portal-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.erp-portal .erp-portal-table,.erp-portal .erp-portal-table tbody,.erp-portal .erp-portal-table tbody tr{display:block;width:100%;border:0}
.erp-portal .erp-portal-table tbody tr{border:1px solid #e5e5e5;border-radius:4px;margin-bottom:.75rem;padding:.25rem .75rem}
.erp-portal .erp-portal-table tbody tr th,.erp-portal .erp-portal-table tbody tr td{display:flex;flex-direction:row;justify-content:space-between;gap:1rem;width:100%;border:0;padding:.35rem 0;text-align:right;overflow-wrap:anywhere}
.erp-portal .erp-portal-table tbody tr th::before,.erp-portal .erp-portal-table tbody tr td::before{content:attr(data-label);font-weight:700;text-align:left}
.erp-portal .erp-portal-table tfoot{display:block;width:100%}
.erp-portal .erp-portal-table tfoot tr{display:flex;justify-content:space-between;gap:1rem}
.erp-portal .erp-portal-table tfoot tr th,.erp-portal .erp-portal-table tfoot tr td{display:block;padding:.35rem 0}
.erp-portal .erp-portal-table tfoot .erp-portal-total-rest{display:none}
.erp-portal .erp-portal-table tfoot .erp-portal-grand-total{border-top:2px solid #e5e5e5}
.erp-portal .erp-portal-table tfoot .erp-portal-grand-total th,.erp-portal .erp-portal-table tfoot .erp-portal-grand-total td{border-top:0}
.erp-portal-filters .form-field{flex-basis:100%}
}
@media print{
.erp-portal .erp-portal-back,.erp-portal .erp-portal-actions,.erp-portal-filters,.erp-portal-pagination,.erp-portal-status{display:none!important}
.erp-portal .erp-portal-buy-again,.erp-portal .erp-portal-buy-column,.erp-portal .erp-portal-total-rest,.erp-portal button{display:none!important}
.erp-portal .erp-portal-table thead{display:table-header-group}
.erp-portal .erp-portal-table tr,.erp-portal .erp-portal-table tfoot{break-inside:avoid}
.erp-portal .erp-portal-table tr th,.erp-portal .erp-portal-table tr td{padding:.25rem .4rem;border-bottom-color:#999}
.erp-portal a{color:inherit;text-decoration:none}
}`;

const marker = 'data-erp-portal-styles';

export function injectPortalStyles(doc: Document = document): void {
  if (doc.head.querySelector(`style[${marker}]`)) return;
  const style = doc.createElement('style');
  style.setAttribute(marker, '');
  style.textContent = css;
  doc.head.appendChild(style);
}
