-- Run once after the first deployment, connected to the MIRROR database as the SQL server's Entra
-- administrator (the group/user given by sqlEntraAdminLogin). The server is Entra-only, so this is the only
-- way in, and only an Entra principal can create users FROM EXTERNAL PROVIDER.
--
--   sqlcmd -S <sqlServerFqdn output> -d mirror --authentication-method ActiveDirectoryDefault \
--          -v FunctionAppName=<functionAppName output> -i bicep/post-deploy.sql
--
-- The function app's system-assigned managed identity carries the app's name. db_ddladmin (next to
-- read/write) lets the app create and migrate the mirror schema. Safe to run again.

IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(FunctionAppName)')
    CREATE USER [$(FunctionAppName)] FROM EXTERNAL PROVIDER;
GO

ALTER ROLE db_datareader ADD MEMBER [$(FunctionAppName)];
ALTER ROLE db_datawriter ADD MEMBER [$(FunctionAppName)];
ALTER ROLE db_ddladmin ADD MEMBER [$(FunctionAppName)];
GO
