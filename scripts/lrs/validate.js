// Validate xAPI statements with the npm package `xapi-validation` (Learning Locker's validator):
// one statement per line on standard input; prints every warning with the statement's id and
// exits 1 when any statement is invalid. Run with NODE_PATH pointing at the install's node_modules.
const validate = require('xapi-validation').default;
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.trim() !== '');
let bad = 0;
for (const line of lines) {
  const statement = JSON.parse(line);
  const warnings = validate(statement);
  if (warnings.length > 0) {
    bad += 1;
    for (const w of warnings) {
      console.log(`${statement.id}: ${w.constructor.name} at ${JSON.stringify(w.path)}: ${JSON.stringify(w.data)}`);
    }
  }
}
console.log(`${lines.length} statement(s) checked, ${bad} invalid`);
process.exit(bad > 0 ? 1 : 0);
