import { it } from 'vitest';
import { countIncomingVariants, countVanishedVariants, mergeStagedVariants, type StagedCatalogDatabase } from '../../../shared/mirror/catalog/catalog-variant-queries';
import { catalogVariantStage } from '../../../shared/mirror/catalog/catalog-variant-stage';
import { createScratchTableQuery, dropScratchTableQuery } from '../../../shared/mirror/scratch-table';
import { expectTsqlSnapshot, recordingMssql } from '../../helpers/tsql';

it('compiles the catalog-variant statements to T-SQL', async () => {
  const { db } = recordingMssql<StagedCatalogDatabase>();
  const now = new Date('2026-01-02T03:04:05.678Z');
  await expectTsqlSnapshot('catalog-variants', [
    { label: 'create stage', query: createScratchTableQuery(db, catalogVariantStage, 'mssql').compile() },
    { label: 'count incoming variants', query: countIncomingVariants(db).compile() },
    { label: 'count vanished variants', query: countVanishedVariants(db).compile() },
    { label: 'merge staged variants', query: mergeStagedVariants(db, now).compile() },
    { label: 'drop stage', query: dropScratchTableQuery(db, catalogVariantStage).compile() },
  ]);
});
