/** The chain templates the platform ships (templates/*.json, validated at load): the demo regions'
 *  leading industries. They are seeded at the platform's root org, so every org sees them. */

import { type ChainInput, chainSchema } from './chain-schema.js';
import biomed from './templates/biomed.json' with { type: 'json' };
import equip from './templates/equip.json' with { type: 'json' };
import ic from './templates/ic.json' with { type: 'json' };
import nev from './templates/nev.json' with { type: 'json' };
import newmat from './templates/newmat.json' with { type: 'json' };
import pv from './templates/pv.json' with { type: 'json' };
import storage from './templates/storage.json' with { type: 'json' };
import wind from './templates/wind.json' with { type: 'json' };

export const CHAIN_TEMPLATES: ChainInput[] = [pv, wind, storage, biomed, ic, newmat, equip, nev].map((c) =>
  chainSchema.parse(c),
);
