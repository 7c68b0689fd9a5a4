/**
 * Word lists for demo data. Everything stays within Latin-1 (the ERP's CHAR columns use a
 * single-byte code page) but deliberately includes apostrophes, accents and CSV-hostile
 * characters such as commas and double quotes.
 */

export const surnames = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
  'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams',
  'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans',
  "O'Brien", "O'Connor", "O'Neil", "D'Angelo", "D'Amico", 'McDonald', "L'Estrange",
  'Müller', 'Schröder', 'Groß', 'Bäcker', 'Jäger', 'Köhler', 'Núñez', 'García', 'Pérez', 'Gómez',
  'Hernández', 'Løvstad', 'Ødegård', 'Ångström', 'Çelik', 'Lefèvre', 'Bélanger', 'Côté', 'Gagné', 'Brontë',
];

export const firstNames = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Chris', 'Karen',
  'José', 'Zoë', 'Renée', 'André', 'François', 'Siobhán', 'Seán', 'Chloé', 'Björn', 'Inés', 'Søren', 'Maëlle',
];

export const trades = [
  'Supply', 'Hardware', 'Plumbing', 'Electric', 'Builders', 'Lumber', 'Industrial', 'HVAC', 'Roofing',
  'Paint & Glass', 'Fasteners', 'Tool Rental', 'Marine', 'Landscaping', 'Mechanical', 'Contractors',
];

export const suffixes = ['Inc.', 'LLC', 'Co.', 'Corp.', '& Sons', 'Ltd.', 'Group', 'Bros.', ''];

export const placeNames = [
  'Café Lumière', 'São Paulo', 'Crème Brûlée', 'Blue Ridge', 'Lakeside', 'Tri-County', 'Northside',
  'Señor Pepe', 'Bayou', 'Père Marquette', 'Golden Gate', 'Rocky Mountain', 'Cañon City', 'Gulf Coast',
];

export const streets = [
  'Main St', 'Oak Ave', 'Maple Dr', 'Elm St', 'Washington Blvd', 'Lake Rd', 'Hill St', 'Park Ave',
  'Pine Ln', 'Cedar Ct', 'Industrial Pkwy', 'Commerce Dr', 'Avenida Peñasco', "King's Hwy", 'Rue Château',
];

/** City, state, 3-digit ZIP prefix, area code. */
export const cities: readonly (readonly [string, string, string, string])[] = [
  ['New York', 'NY', '100', '212'], ['Buffalo', 'NY', '142', '716'], ['Los Angeles', 'CA', '900', '213'],
  ['San Diego', 'CA', '921', '619'], ['San José', 'CA', '951', '408'], ['Chicago', 'IL', '606', '312'],
  ['Peoria', 'IL', '616', '309'], ['Houston', 'TX', '770', '713'], ['Dallas', 'TX', '752', '214'],
  ['El Paso', 'TX', '799', '915'], ['Phoenix', 'AZ', '850', '602'], ['Philadelphia', 'PA', '191', '215'],
  ['Pittsburgh', 'PA', '152', '412'], ['San Antonio', 'TX', '782', '210'], ['Columbus', 'OH', '432', '614'],
  ['Cleveland', 'OH', '441', '216'], ['Indianapolis', 'IN', '462', '317'], ['Charlotte', 'NC', '282', '704'],
  ['Seattle', 'WA', '981', '206'], ['Spokane', 'WA', '992', '509'], ['Denver', 'CO', '802', '303'],
  ['Boston', 'MA', '021', '617'], ['Detroit', 'MI', '482', '313'], ['Grand Rapids', 'MI', '495', '616'],
  ['Nashville', 'TN', '372', '615'], ['Memphis', 'TN', '381', '901'], ['Portland', 'OR', '972', '503'],
  ['Las Vegas', 'NV', '891', '702'], ['Louisville', 'KY', '402', '502'], ['Baltimore', 'MD', '212', '410'],
  ['Milwaukee', 'WI', '532', '414'], ['Albuquerque', 'NM', '871', '505'], ['Española', 'NM', '875', '505'],
  ['Tucson', 'AZ', '857', '520'], ['Fresno', 'CA', '937', '559'], ['Atlanta', 'GA', '303', '404'],
  ['Miami', 'FL', '331', '305'], ['Tampa', 'FL', '336', '813'], ['Minneapolis', 'MN', '554', '612'],
  ['New Orleans', 'LA', '701', '504'], ["Coeur d'Alene", 'ID', '838', '208'], ['Anchorage', 'AK', '995', '907'],
  ['Honolulu', 'HI', '968', '808'], ['Burlington', 'VT', '054', '802'], ['Portland', 'ME', '041', '207'],
];

export const shipVias = ['UPS', 'FDX', 'USP', 'LTL', 'WC', 'DHL', 'CPU'];

/** Catalog families: item-number prefix, description stem, sizes, price range in cents. */
export const itemFamilies: readonly {
  readonly prefix: string;
  readonly stem: string;
  readonly sizes: readonly string[];
  readonly cents: readonly [number, number];
}[] = [
  { prefix: 'HB', stem: 'Hex Bolt', sizes: ['1/4"', '3/8"', '1/2"', '5/8"', 'M8', 'M10'], cents: [8, 250] },
  { prefix: 'WS', stem: 'Screw, Wood', sizes: ['#6', '#8', '#10', '#12'], cents: [2, 40] },
  { prefix: 'LS', stem: 'Lag Screw', sizes: ['1/4"', '5/16"', '3/8"'], cents: [15, 180] },
  { prefix: 'WN', stem: 'Wire Nut', sizes: ['Yellow', 'Red', 'Orange', 'Blue'], cents: [5, 30] },
  { prefix: 'PE', stem: 'PVC Elbow 90°', sizes: ['1/2"', '3/4"', '1"', '2"', '4"'], cents: [40, 1200] },
  { prefix: 'CT', stem: 'Copper Tee', sizes: ['1/2"', '3/4"', '1"'], cents: [150, 2400] },
  { prefix: 'BV', stem: 'Ball Valve', sizes: ['1/2"', '3/4"', '1"', '2"'], cents: [900, 18_000] },
  { prefix: 'HC', stem: 'Hose Clamp', sizes: ['#8', '#12', '#20', '#28'], cents: [60, 400] },
  { prefix: 'DB', stem: 'Drill Bit, Cobalt', sizes: ['1/8"', '1/4"', '3/8"', '1/2"'], cents: [300, 4500] },
  { prefix: 'CK', stem: 'Caulk, Silicone', sizes: ['Clear', 'White', 'Almond'], cents: [450, 1400] },
  { prefix: 'GL', stem: 'Gloves, Nitrile', sizes: ['S', 'M', 'L', 'XL'], cents: [900, 3500] },
  { prefix: 'CB', stem: 'Circuit Breaker', sizes: ['15A', '20A', '30A', '50A'], cents: [800, 25_000] },
  { prefix: 'PT', stem: 'Pipe Thread Sealant', sizes: ['50ml', '250ml'], cents: [500, 2200] },
  { prefix: 'GN', stem: 'Generator, Portable', sizes: ['3kW', '7.5kW'], cents: [45_000, 250_000] },
];

export const finishes = ['ZN', 'SS', 'BR', 'BLK', 'GALV', 'CHR'];

export const miscCharges = ['RESTOCKING FEE', 'MISC CHARGE', 'Pallet deposit', 'Cut charge, 5"', 'Rush handling'];
