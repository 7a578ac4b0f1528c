import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCode } from '../../src/rules/code-strength.js';

const weak = (pin: string) => checkCode(pin).verdict === 'weak';

test('the guide\'s random examples are strong', () => {
  for (const pin of ['573194', '842637', '196428', '61839472', '730582']) assert.equal(checkCode(pin).verdict, 'strong', pin);
});

test('short codes are weak, whatever their digits', () => {
  assert.ok(weak('5731'));
  assert.ok(checkCode('97531').reasons.some((r) => r.startsWith('short')));
});

test('common PINs are weak with that reason', () => {
  for (const pin of ['1234', '0000', '1111', '1212', '7777', '1004', '2000', '4444', '2222', '6969']) {
    assert.ok(checkCode(pin).reasons.includes('one of the most common PINs'), pin);
  }
});

test('sequences up or down, repeated digits, repeated and mirrored patterns', () => {
  assert.ok(checkCode('5678').reasons.includes('sequential digits'));
  assert.ok(checkCode('987654').reasons.includes('sequential digits'));
  assert.ok(checkCode('345678').reasons.includes('sequential digits'));
  assert.ok(checkCode('999999').reasons.includes('one repeated digit'));
  assert.ok(checkCode('123123').reasons.includes('repeated pattern'));
  assert.ok(checkCode('474747').reasons.includes('repeated pattern'));
  assert.ok(checkCode('112233').reasons.includes('repeated pattern'));
  assert.ok(checkCode('1221').reasons.includes('mirrored pattern'));
  assert.ok(checkCode('384483').reasons.includes('mirrored pattern'));
});

test('keypad lines', () => {
  for (const pin of ['2580', '147258', '369', '159357', '0852']) assert.ok(checkCode(pin).reasons.includes('a straight line on the keypad'), pin);
});

test('dates as the whole code, in every listed order, with valid month and day', () => {
  for (const pin of ['0412', '3112', '041285', '310585', '850412', '04121985', '31121985', '19851204', '1987', '2024']) {
    assert.ok(checkCode(pin).reasons.includes('a date') || checkCode(pin).reasons.includes('a year'), pin);
  }
  assert.ok(checkCode('1987').reasons.includes('a year'));
  // Not dates: month 13, day 32, 30 February.
  for (const pin of ['13320599', '300299', '99999999']) assert.ok(!checkCode(pin).reasons.includes('a date'), pin);
});

test('whole-code shapes only: a date or sequence inside a random code does not make it weak', () => {
  assert.equal(checkCode('573194').verdict, 'strong'); // contains "19"
  assert.equal(checkCode('812349').verdict, 'strong'); // contains "1234"
  assert.equal(checkCode('601985').verdict, 'strong'); // contains "1985" but 60 is no month or day
});
