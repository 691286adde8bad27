import * as migration_20261123_005651_initial from './20261123_005651_initial';
import * as migration_20261123_005652_network_constraints from './20261123_005652_network_constraints';

export const migrations = [
  {
    up: migration_20261123_005651_initial.up,
    down: migration_20261123_005651_initial.down,
    name: '20261123_005651_initial'
  },
  {
    up: migration_20261123_005652_network_constraints.up,
    down: migration_20261123_005652_network_constraints.down,
    name: '20261123_005652_network_constraints'
  },
];
