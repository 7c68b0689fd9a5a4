using System.Text.RegularExpressions;
using Microsoft.SqlServer.Dac.Model;

namespace TsqlModel;

/// <summary>
/// One database the app talks to: the snapshot files holding its schema DDL (added to the model as they are),
/// the files holding the statements it is sent (each added as a procedure body), and the engines to check against.
/// </summary>
public sealed record Database(
    string Name,
    string[] SchemaFiles,
    string[] StatementFiles,
    SqlServerVersion[] Versions,
    bool ChangeTracking = false,
    string[]? Stubs = null);

/// <summary>A warning the gate accepts: its code, the text it must match, and why it is not a defect.</summary>
public sealed record AllowedWarning(string Code, Regex Message, string Why);

public static class Databases
{
    public static readonly Database[] All =
    [
        // Azure SQL in production, SQL Server Express in the original setup: check both engines.
        new("mirror",
            SchemaFiles: ["mirror-migrations.sql"],
            StatementFiles: ["mirror-sync.sql", "api-queries.sql", "customer-links.sql", "catalog-variants.sql"],
            Versions: [SqlServerVersion.Sql160, SqlServerVersion.SqlAzure],
            Stubs: [SpGetAppLock]),
        // The on-prem ERP; change tracking is enabled on its tables where the incremental mode is used. Its
        // version is not ours to choose: its statements must also bind on SQL Server 2008 (Sql100), the first
        // with Change Tracking (the model rejects newer syntax, e.g. OFFSET … FETCH, on older versions).
        new("erp",
            SchemaFiles: ["erp-tables.sql"],
            StatementFiles: ["erp-sync-source.sql", "demo-erp.sql"],
            Versions: [SqlServerVersion.Sql160, SqlServerVersion.Sql100],
            ChangeTracking: true),
    ];

    /// <summary>
    /// sys.sp_getapplock's parameter list, as documented on Microsoft Learn (sp_getapplock (Transact-SQL)).
    /// The model has no system procedures; a stub with the real parameters still checks names and arity.
    /// </summary>
    private const string SpGetAppLock =
        "create procedure [dbo].[sp_getapplock] @Resource nvarchar(255), @LockMode varchar(32), " +
        "@LockOwner varchar(32) = 'Transaction', @LockTimeout int = -1, @DbPrincipal sysname = 'public' as return 0";

    /// <summary>Keep this short: every entry hides a class of mistakes from the gate.</summary>
    public static readonly AllowedWarning[] Allowlist =
    [
        // Catalog views are not in a user model. Change tracking detection reads sys.change_tracking_tables,
        // filtered by object_id only; the contract suite runs that query on a real SQL Server.
        new("SQL71502", new Regex(@"has an unresolved reference to object \[sys\]\.\[change_tracking_tables\]\.?$"),
            "catalog view sys.change_tracking_tables is not in the model"),
        new("SQL71502", new Regex(@"could refer to any of the following objects: \[sys\]\.\[change_tracking_tables\]\.\[ctt\]::\[object_id\] or \[sys\]\.\[change_tracking_tables\]\.\[object_id\]\.?$"),
            "nor is its object_id column"),
    ];
}
