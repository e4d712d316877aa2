/**
 * Chinese for the messages our realm code throws (src/realm: banned functions, missing exports,
 * outputs that cannot be graded). They cross the realm boundary as plain text in a RealmError (the
 * grader's sandbox protocol carries only name and message), so they are recognised here by their
 * exact wording; anything else (the student's own exceptions, tfjs errors) stays as thrown.
 * A student who throws one of these sentences themselves only gets it back translated.
 */

const WHERE = String.raw`(Your return value(?: at [^\n]+?|\[[^\n]*?)?|The export [^\s]+)`;

/** "Your return value at x.y" → "你的返回值中的 x.y". */
function where(w: string): string {
  if (w === "Your return value") return "你的返回值";
  if (w.startsWith("Your return value at ")) return `你的返回值中的 ${w.slice("Your return value at ".length)}`;
  if (w.startsWith("Your return value[")) return `你的返回值${w.slice("Your return value".length)}`;
  if (w.startsWith("The export ")) return `导出的 ${w.slice("The export ".length)}`;
  return w;
}

/** Where-phrase followed by a verb: a space after Latin text, none after Chinese. */
const subject = (w: string): string => {
  const z = where(w);
  return /[\u4e00-\u9fff]$/.test(z) ? z : `${z} `;
};

const PLAIN = "return tensors, numbers or plain objects/arrays of them.";
const PLAIN_ZH = "请返回张量、数值，或由它们组成的普通对象/数组。";

interface Rule {
  re: RegExp;
  zh: (m: RegExpExecArray) => string;
}

const rules: Rule[] = [
  {
    re: /^tf\.([\w.$]+) is not available in this exercise( \(called as the tensor method x\.([\w$]+)\(\)\))?( \(called through its kernel "([^"]*)"\))?: the point is to build it yourself\.$/,
    zh: (m) =>
      `本练习不能使用 tf.${m[1]}` +
      (m[2] === undefined ? "" : `（以张量方法 x.${m[3]}() 调用）`) +
      (m[4] === undefined ? "" : `（通过其内核 "${m[5]}" 调用）`) +
      "：这道题的目的就是让你自己实现它。",
  },
  { re: /^Your module does not export ([\w$]+)\.$/, zh: (m) => `你的模块没有导出 ${m[1]}。` },
  { re: /^Your export ([\w$]+) is not a function \(got (\w+)\)\.$/, zh: (m) => `你导出的 ${m[1]} 不是函数（而是 ${m[2]}）。` },
  { re: /^The submission did not load as a module\.$/, zh: () => "提交的代码没有作为模块加载。" },
  { re: /^Test harness source is not a function\.$/, zh: () => "测试框架代码不是函数。" },
  {
    re: new RegExp(`^${WHERE} is a getter/setter property; return plain data \\(getters are not evaluated\\)\\.$`),
    zh: (m) => `${subject(m[1]!)}是 getter/setter 属性；请返回普通数据（getter 不会被求值）。`,
  },
  {
    re: new RegExp(`^${WHERE} looks like a tensor but is not a real tfjs tensor \\(fake tensor-like objects are not accepted\\)\\.$`),
    zh: (m) => `${subject(m[1]!)}看起来像张量，但不是真正的 tfjs 张量（不接受伪造的类张量对象）。`,
  },
  {
    re: new RegExp(`^${WHERE} is a disposed tensor, or not a real tfjs tensor; return a live tensor\\.$`),
    zh: (m) => `${subject(m[1]!)}是已释放（dispose）的张量，或不是真正的 tfjs 张量；请返回未释放的张量。`,
  },
  {
    re: new RegExp(`^${WHERE} has rank (\\d+); at most (\\d+) is accepted\\.$`),
    zh: (m) => `${subject(m[1]!)}的秩为 ${m[2]}；最多只接受 ${m[3]}。`,
  },
  {
    re: new RegExp(`^${WHERE} is a (\\w+) tensor; only float32, int32 and bool tensors can be graded\\.$`),
    zh: (m) => `${subject(m[1]!)}是 ${m[2]} 张量；只有 float32、int32 和 bool 张量可以评分。`,
  },
  {
    re: new RegExp(`^${WHERE} makes the output larger than (\\d+) elements in total\\.$`),
    zh: (m) => `${subject(m[1]!)}使输出的元素总数超过了 ${m[2]}。`,
  },
  {
    re: new RegExp(`^${WHERE} is a string longer than (\\d+) characters\\.$`),
    zh: (m) => `${subject(m[1]!)}是长度超过 ${m[2]} 个字符的字符串。`,
  },
  { re: new RegExp(`^${WHERE} is a function; ${esc(PLAIN)}$`), zh: (m) => `${subject(m[1]!)}是函数；${PLAIN_ZH}` },
  { re: new RegExp(`^${WHERE} is a (bigint|symbol); ${esc(PLAIN)}$`), zh: (m) => `${subject(m[1]!)}是 ${m[2]}；${PLAIN_ZH}` },
  {
    re: new RegExp(`^${WHERE} is nested more than (\\d+) levels deep \\(a cycle\\?\\)\\.$`),
    zh: (m) => `${subject(m[1]!)}的嵌套超过了 ${m[2]} 层（是否有循环引用？）。`,
  },
  {
    re: new RegExp(`^${WHERE} is an array of (\\d+) items; the output may hold at most (\\d+) elements\\.$`),
    zh: (m) => `${subject(m[1]!)}是包含 ${m[2]} 项的数组；输出最多只能包含 ${m[3]} 个元素。`,
  },
  {
    re: new RegExp(`^${WHERE} is an instance of a class; return a tensor, a number, or a plain object/array\\.$`),
    zh: (m) => `${subject(m[1]!)}是某个类的实例；请返回张量、数值，或普通对象/数组。`,
  },
  { re: new RegExp(`^${WHERE} has too many keys\\.$`), zh: (m) => `${subject(m[1]!)}的键太多。` },
  { re: new RegExp(`^${WHERE} has a symbol key; use string keys\\.$`), zh: (m) => `${subject(m[1]!)}含有 symbol 类型的键；请使用字符串键。` },
  {
    re: new RegExp(`^${WHERE} has a key longer than (\\d+) characters\\.$`),
    zh: (m) => `${subject(m[1]!)}含有长度超过 ${m[2]} 个字符的键。`,
  },
  {
    re: new RegExp(`^Your return value contains a Proxy or another exotic object; ${esc(PLAIN)}$`),
    zh: () => `你的返回值包含 Proxy 或其他特殊对象；${PLAIN_ZH}`,
  },
];

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** The Chinese of a realm message we wrote, or the text unchanged. */
export function translateRealmText(message: string): string {
  for (const rule of rules) {
    const m = rule.re.exec(message);
    if (m !== null) return rule.zh(m);
  }
  return message;
}
