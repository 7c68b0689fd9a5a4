namespace TsqlModel;

/// <summary>
/// The gate's self-check: one column reference renamed to a name no table has, in a statement of each kind
/// the app sends. Each must make the gate fail; one that passes means the gate has gone blind to that kind.
/// </summary>
public sealed record Mutant(string Database, string File, string Label, string Column, string Kind);

public static class Mutants
{
    public const string Suffix = "_mutant";

    public static readonly Mutant[] All =
    [
        new("mirror", "mirror-sync.sql", "customers: MERGE the stage", "s.row_hash", "MERGE from a #stage table"),
        new("mirror", "mirror-sync.sql", "lines: MERGE the stage", "s.unit_price", "MERGE insert values from a #stage table"),
        new("mirror", "mirror-sync.sql", "orders: prune staged orphans", "p.cust_no", "correlated subquery over a #stage table"),
        new("mirror", "mirror-sync.sql", "customers: save checkpoint", "scan_cursor", "MERGE update set target"),
        new("mirror", "api-queries.sql", "orders page, every filter", "cust_po", "API list query (filter)"),
        new("mirror", "api-queries.sql", "invoices page", "inv_date", "API list query (order by)"),
        new("mirror", "api-queries.sql", "order summaries, largest chunk", "shipped_value", "query over the view"),
        new("mirror", "mirror-migrations.sql", "0004-order-summary-line-amounts #1", "d.unit_price", "the view's definition (as a later migration redefines it)"),
        new("mirror", "customer-links.sql", "merge staged links", "s.cust_no", "MERGE from the link stage"),
        new("erp", "erp-sync-source.sql", "customers: next CHANGETABLE batch", "ct.cust_no", "CHANGETABLE column"),
        new("erp", "erp-sync-source.sql", "lines: next CHANGETABLE batch", "t.qty_shipd", "table joined to CHANGETABLE"),
        new("erp", "erp-sync-source.sql", "orders: next keyset batch", "t.inv_date", "ERP keyset read (row hash)"),
    ];
}
