import { broadGrant, parseAccount, privilegesFor } from './db-grants.rules.js';

describe('database grants for the application user', () => {
  it('gives no UPDATE or DELETE on the audit tables, and no DELETE on the chain heads', () => {
    for (const table of ['audit_entry', 'audit_checkpoint', 'audit_checkpoint_chain']) expect(privilegesFor(table)).toEqual(['SELECT', 'INSERT']);
    // The other evidence: answer versions, images, visits and the money facts are inserted only.
    for (const table of ['household_response_history', 'evidence_chunk', 'home_visit', 'upgrade_request', 'upgrade_quote', 'upgrade_payment']) expect([table, privilegesFor(table)]).toEqual([table, ['SELECT', 'INSERT']]);
    expect(privilegesFor('audit_chain_head')).toEqual(['SELECT', 'INSERT', 'UPDATE']);
    expect(privilegesFor('migrations')).toEqual(['SELECT']);
    expect(privilegesFor('household_response')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
  });

  it('reads the account the way MariaDB writes it', () => {
    expect(parseAccount("linyi@'%'")).toEqual({ user: 'linyi', host: '%' });
    expect(parseAccount("'linyi_app'@'10.0.%'")).toEqual({ user: 'linyi_app', host: '10.0.%' });
    expect(parseAccount('linyi@localhost')).toEqual({ user: 'linyi', host: 'localhost' });
    expect(parseAccount('linyi')).toEqual({ user: 'linyi', host: '%' });
    for (const bad of ['', "linyi'@'%", 'a b', "x@'%'; DROP USER root"]) expect(parseAccount(bad)).toBeNull();
  });

  it('spots grants that table-level grants cannot take back', () => {
    expect(broadGrant("GRANT USAGE ON *.* TO `linyi`@`%` IDENTIFIED BY PASSWORD '*AB'", 'linyi')).toBeNull();
    expect(broadGrant('GRANT ALL PRIVILEGES ON *.* TO `linyi`@`%`', 'linyi')).toBe('global');
    expect(broadGrant('GRANT SELECT, UPDATE ON `linyi`.* TO `linyi`@`%`', 'linyi')).toBe('database');
    expect(broadGrant('GRANT SELECT ON `linyi`.`audit_entry` TO `linyi`@`%`', 'linyi')).toBeNull();
    expect(broadGrant('GRANT SELECT ON `other`.* TO `linyi`@`%`', 'linyi')).toBeNull();
  });
});
