import { char, int } from '../../db/schema/column-types';
import type { ScratchTable } from '../scratch-table';

/**
 * Scratch table for a link batch, without a key. The `#` name is a temp table on SQL
 * Server and a valid quoted identifier on PostgreSQL, so one name serves both dialects.
 */
export const customerLinkStage = {
  name: '#customer_link_stage',
  columns: [
    { name: 'bc_customer_id', type: int, nullable: false },
    { name: 'cust_no', type: char(6), nullable: false },
  ],
} as const satisfies ScratchTable;

export interface CustomerLinkStageRow {
  bc_customer_id: number;
  cust_no: string;
}

export type CustomerLinkStageTables = { '#customer_link_stage': CustomerLinkStageRow };
