-- Run after every deployment (safe to repeat), connected to the MIRROR database as the SQL server's Entra
-- administrator (the group/user given by sqlEntraAdminLogin, or a service principal in that group). The
-- server is Entra-only, so this is the only way in, and only an Entra principal can create users FROM
-- EXTERNAL PROVIDER.
--
--   sqlcmd -S <sqlServerFqdn output> -d mirror --authentication-method ActiveDirectoryDefault \
--          -v FunctionAppName=<functionAppName output> PrincipalId=<functionAppPrincipalId output> \
--          -i bicep/post-deploy.sql
--
-- 1. Readers never wait behind a sync batch: with READ_COMMITTED_SNAPSHOT the API's read-committed queries
--    read the last committed row versions instead of blocking on the MERGE's locks. Azure SQL Database
--    turns it on for new databases already; this makes it certain (and repairs a restored or imported copy).
IF EXISTS (SELECT 1 FROM sys.databases WHERE database_id = DB_ID() AND is_read_committed_snapshot_on = 0)
    ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
GO

-- 2. The function app's system-assigned managed identity as a contained user. WITH OBJECT_ID names the
--    identity by its unique object (principal) id rather than by display name, which Entra ID does not keep
--    unique; the user name is the app's name, which a system-assigned identity carries.
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(FunctionAppName)')
    CREATE USER [$(FunctionAppName)] FROM EXTERNAL PROVIDER WITH OBJECT_ID = '$(PrincipalId)';
GO

-- 3. Read/write for the API and the sync; db_ddladmin lets the app create and migrate the mirror schema.
--    Adding a member a role already has is not an error, so these repeat safely.
ALTER ROLE db_datareader ADD MEMBER [$(FunctionAppName)];
ALTER ROLE db_datawriter ADD MEMBER [$(FunctionAppName)];
ALTER ROLE db_ddladmin ADD MEMBER [$(FunctionAppName)];
GO
