// The workspace summary of what a module's exported functions read from their first parameter: a handler of another
// file that hands its whole request query to one of them puts those keys in the URL (no-phi-in-url, get routes).
import assert from 'node:assert/strict';
import { extractQueryKeyReaders, extractRequestQueryKeyReaders } from '../../src/engine/workspace-index';

describe('extractQueryKeyReaders', () => {
  it('reads member reads, destructuring and a query builder constructed over the parameter, by export name', () => {
    const text = [
      "const FilterParser = require('../lib/filter');",
      'exports.find = find;',
      'module.exports.lookup = lookup;',
      'export function search({ page }) { return page; }',
      'function find(options) {',
      "  const filters = new FilterParser(options, { tableAlias: 'p' });",
      "  filters.dateFrom('dateBirthFrom', 'dob');",
      "  filters.equals('hospital_no');",
      "  filters.setOrder('ORDER BY p.registration_date DESC');",
      '  return db.exec(filters.applyQuery(sql), other.lastName);',
      '}',
      'function lookup(query) {',
      '  const { firstName, limit } = query;',
      '  return [query.phone, firstName, limit];',
      '}',
      'function hidden(query) { return query.ssn; }',
      'export const searchByPhone = async (filters: SearchQuery): Promise<unknown[]> => {',
      '  return db.find({ phone: filters.phoneNumber, page: filters.page });',
      '};',
      'const inner = (params) => params.dob;',
      'exports.inner = inner;',
    ].join('\n');
    const readers = new Map(extractQueryKeyReaders(text));
    assert.deepEqual(readers.get('find'), ['dateBirthFrom', 'hospital_no']);
    assert.deepEqual(readers.get('lookup')?.slice().sort(), ['firstName', 'limit', 'phone']);
    // not exported: no other module can call it
    assert.equal(readers.has('hidden'), false);
    // a destructured parameter is not a simple name: nothing to follow
    assert.equal(readers.has('search'), false);
    // arrow functions bound to a name, exported either way
    assert.deepEqual(readers.get('searchByPhone'), ['phoneNumber', 'page']);
    assert.deepEqual(readers.get('inner'), ['dob']);
  });
});

// A controller taking the incoming request whole: what it reads from the request's query (no-phi-in-url, a GET handler
// handing `req` to it).
describe('extractRequestQueryKeyReaders', () => {
  it('reads req.query members, its destructuring, the query under another name and Koa ctx.request.query, by export name', () => {
    const text = [
      'export async function buscarRecetas(req) {',
      '  const params = req.params.id ? req.params : req.query;',
      '  return [params.documento, params.sexo];',
      '}',
      'export async function conFiltros(req) {',
      '  const { fechaInicio, documento } = req.query;',
      '  return [fechaInicio, documento, req.query.status];',
      '}',
      'export const audits = async (ctx) => ctx.request.query.patientId;',
      'export async function cuerpo(req) { return req.body.documento; }',
      'async function hidden(req) { return req.query.documento; }',
    ].join('\n');
    const readers = new Map(extractRequestQueryKeyReaders(text));
    assert.deepEqual(readers.get('buscarRecetas')?.slice().sort(), ['documento', 'sexo']);
    assert.deepEqual(readers.get('conFiltros')?.slice().sort(), ['documento', 'fechaInicio', 'status']);
    assert.deepEqual(readers.get('audits'), ['patientId']);
    // the body is not the URL; an unexported function is nobody else's
    assert.equal(readers.has('cuerpo'), false);
    assert.equal(readers.has('hidden'), false);
  });
});
