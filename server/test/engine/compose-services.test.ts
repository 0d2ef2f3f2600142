// A single-label host that a Docker Compose file above the file declares as a service is a container of the same
// stack, reached on the stack's own network: no-cleartext-transport leaves it alone. Hosts no compose file above
// declares (a cluster's service, a partner, a stack in a sibling folder) stay findings.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../../rules';
import { composeServiceNames } from '../../src/engine/compose-services';
import { Project } from '../../src/engine/project';

const STACK = [
  "version: '3'",
  'services:',
  '  fhir:',
  '    image: hapiproject/hapi',
  '  # the mediator',
  '  openhim-core:',
  '    container_name: openhim',
  '    hostname: "him-host"',
  '    networks:',
  '      default:',
  '        aliases:',
  '          - core-alias',
  '    environment:',
  '      - MONGO=mongodb://mongo/openhim',
  'volumes:',
  '  data:',
].join('\n');

describe('Docker Compose services', () => {
  it('reads the service names, container names, host names and network aliases of a compose file', () => {
    assert.deepEqual(composeServiceNames(STACK), ['core-alias', 'fhir', 'him-host', 'openhim', 'openhim-core']);
    assert.deepEqual(composeServiceNames('version: "3"\nnetworks:\n  web:\n'), []);
  });

  it('leaves cleartext URLs to the stack\'s own services alone; other hosts, and services of a compose file elsewhere, stay findings', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-compose-')));
    try {
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      };
      write('docker-compose.yml', STACK);
      write('tools/dev/docker-compose.yml', 'services:\n  pgstore:\n    image: postgres\n');
      write('config/config_docker.json', JSON.stringify({
        fhirServer: { baseURL: 'http://fhir:8080/fhir', username: 'u', password: 'p' },
        clientRegistryUrl: 'http://openhim-core:5001/CR/fhir',
        converterUrl: 'http://openhim:5001/72f',
        aliasUrl: 'http://core-alias:5001/x',
        partnerUrl: 'http://partner-lab:8080/api',
        pgUrl: 'http://pgstore:5432/db',
        dottedUrl: 'http://fhir.northwind.example/fhir',
      }, null, 2));
      write('src/client.ts', "export const load = () => fetch('http://fhir:8080/fhir/Patient');\nexport const send = () => fetch('http://backend:8080/api');\n");
      const result = await new Project({ root, rules: allRules }).scan();
      const found = result.findings.filter((finding) => finding.ruleId === 'no-cleartext-transport').map((finding) => `${finding.file}:${finding.range.start.line}`).sort();
      assert.deepEqual(found, ['config/config_docker.json:10', 'config/config_docker.json:11', 'config/config_docker.json:12', 'src/client.ts:2']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
