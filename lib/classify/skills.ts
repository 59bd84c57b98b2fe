// Technologies and practices a posting asks for besides the language, for the market view
// ("what do Go backend jobs want next to Go?"). One regex built from every alias scans each
// text once; a few aliases are common words and need their usual casing.

export const SKILL_CATEGORIES = ['database', 'cloud', 'infra', 'framework', 'tool', 'practice'] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

interface SkillDef {
  label: string;
  category: SkillCategory;
  /** Lower-case spellings; matched whole-word, case-insensitively unless listed in CASED. */
  aliases: string[];
}

const DEFS = {
  postgresql: { label: 'PostgreSQL', category: 'database', aliases: ['postgresql', 'postgres', 'psql'] },
  mysql: { label: 'MySQL', category: 'database', aliases: ['mysql'] },
  mariadb: { label: 'MariaDB', category: 'database', aliases: ['mariadb'] },
  mongodb: { label: 'MongoDB', category: 'database', aliases: ['mongodb', 'mongo'] },
  redis: { label: 'Redis', category: 'database', aliases: ['redis'] },
  kafka: { label: 'Kafka', category: 'database', aliases: ['kafka'] },
  rabbitmq: { label: 'RabbitMQ', category: 'database', aliases: ['rabbitmq'] },
  elasticsearch: { label: 'Elasticsearch', category: 'database', aliases: ['elasticsearch', 'elastic search', 'opensearch'] },
  dynamodb: { label: 'DynamoDB', category: 'database', aliases: ['dynamodb', 'dynamo db'] },
  cassandra: { label: 'Cassandra', category: 'database', aliases: ['cassandra'] },
  sqlite: { label: 'SQLite', category: 'database', aliases: ['sqlite'] },
  'sql-server': { label: 'SQL Server', category: 'database', aliases: ['sql server', 'mssql', 'ms sql', 't-sql', 'tsql'] },
  oracle: { label: 'Oracle Database', category: 'database', aliases: ['oracle db', 'oracle database', 'pl/sql'] },
  snowflake: { label: 'Snowflake', category: 'database', aliases: ['snowflake'] },
  bigquery: { label: 'BigQuery', category: 'database', aliases: ['bigquery', 'big query'] },
  clickhouse: { label: 'ClickHouse', category: 'database', aliases: ['clickhouse'] },
  supabase: { label: 'Supabase', category: 'database', aliases: ['supabase'] },
  aws: { label: 'AWS', category: 'cloud', aliases: ['aws', 'amazon web services', 'ec2'] },
  gcp: { label: 'Google Cloud', category: 'cloud', aliases: ['gcp', 'google cloud', 'google cloud platform'] },
  azure: { label: 'Azure', category: 'cloud', aliases: ['azure'] },
  firebase: { label: 'Firebase', category: 'cloud', aliases: ['firebase'] },
  heroku: { label: 'Heroku', category: 'cloud', aliases: ['heroku'] },
  docker: { label: 'Docker', category: 'infra', aliases: ['docker'] },
  kubernetes: { label: 'Kubernetes', category: 'infra', aliases: ['kubernetes', 'k8s', 'eks', 'gke'] },
  terraform: { label: 'Terraform', category: 'infra', aliases: ['terraform'] },
  ansible: { label: 'Ansible', category: 'infra', aliases: ['ansible'] },
  helm: { label: 'Helm', category: 'infra', aliases: ['helm'] },
  nginx: { label: 'Nginx', category: 'infra', aliases: ['nginx'] },
  django: { label: 'Django', category: 'framework', aliases: ['django'] },
  fastapi: { label: 'FastAPI', category: 'framework', aliases: ['fastapi'] },
  flask: { label: 'Flask', category: 'framework', aliases: ['flask'] },
  rails: { label: 'Ruby on Rails', category: 'framework', aliases: ['rails', 'ruby on rails', 'ror'] },
  spring: { label: 'Spring', category: 'framework', aliases: ['spring boot', 'springboot', 'spring framework', 'spring mvc', 'spring cloud'] },
  nodejs: { label: 'Node.js', category: 'framework', aliases: ['node.js', 'nodejs', 'node js'] },
  express: { label: 'Express', category: 'framework', aliases: ['express', 'express.js', 'expressjs'] },
  nestjs: { label: 'NestJS', category: 'framework', aliases: ['nestjs', 'nest.js'] },
  laravel: { label: 'Laravel', category: 'framework', aliases: ['laravel'] },
  symfony: { label: 'Symfony', category: 'framework', aliases: ['symfony'] },
  gin: { label: 'Gin', category: 'framework', aliases: ['gin'] },
  grpc: { label: 'gRPC', category: 'framework', aliases: ['grpc'] },
  graphql: { label: 'GraphQL', category: 'framework', aliases: ['graphql'] },
  dotnet: { label: '.NET', category: 'framework', aliases: ['.net', 'asp.net', 'dotnet', '.net core'] },
  phoenix: { label: 'Phoenix', category: 'framework', aliases: ['phoenix framework', 'phoenix liveview'] },
  react: { label: 'React', category: 'framework', aliases: ['react', 'react.js', 'reactjs'] },
  'react-native': { label: 'React Native', category: 'framework', aliases: ['react native'] },
  vue: { label: 'Vue', category: 'framework', aliases: ['vue', 'vue.js', 'vuejs'] },
  angular: { label: 'Angular', category: 'framework', aliases: ['angular', 'angularjs'] },
  nextjs: { label: 'Next.js', category: 'framework', aliases: ['next.js', 'nextjs'] },
  svelte: { label: 'Svelte', category: 'framework', aliases: ['svelte', 'sveltekit'] },
  hibernate: { label: 'Hibernate', category: 'framework', aliases: ['hibernate'] },
  pytorch: { label: 'PyTorch', category: 'framework', aliases: ['pytorch'] },
  tensorflow: { label: 'TensorFlow', category: 'framework', aliases: ['tensorflow'] },
  git: { label: 'Git', category: 'tool', aliases: ['git'] },
  'github-actions': { label: 'GitHub Actions', category: 'tool', aliases: ['github actions'] },
  jenkins: { label: 'Jenkins', category: 'tool', aliases: ['jenkins'] },
  circleci: { label: 'CircleCI', category: 'tool', aliases: ['circleci'] },
  datadog: { label: 'Datadog', category: 'tool', aliases: ['datadog'] },
  sentry: { label: 'Sentry', category: 'tool', aliases: ['sentry'] },
  prometheus: { label: 'Prometheus', category: 'tool', aliases: ['prometheus'] },
  grafana: { label: 'Grafana', category: 'tool', aliases: ['grafana'] },
  airflow: { label: 'Airflow', category: 'tool', aliases: ['airflow'] },
  spark: { label: 'Spark', category: 'tool', aliases: ['spark', 'apache spark', 'pyspark'] },
  dbt: { label: 'dbt', category: 'tool', aliases: ['dbt'] },
  tableau: { label: 'Tableau', category: 'tool', aliases: ['tableau'] },
  'power-bi': { label: 'Power BI', category: 'tool', aliases: ['power bi', 'powerbi'] },
  pandas: { label: 'pandas', category: 'tool', aliases: ['pandas'] },
  celery: { label: 'Celery', category: 'tool', aliases: ['celery'] },
  sidekiq: { label: 'Sidekiq', category: 'tool', aliases: ['sidekiq'] },
  langchain: { label: 'LangChain', category: 'tool', aliases: ['langchain'] },
  microservices: { label: 'Microservices', category: 'practice', aliases: ['microservices', 'microservice', 'micro-services'] },
  rest: { label: 'REST APIs', category: 'practice', aliases: ['rest', 'restful'] },
  'ci-cd': { label: 'CI/CD', category: 'practice', aliases: ['ci/cd', 'cicd', 'continuous integration', 'continuous deployment', 'continuous delivery'] },
  linux: { label: 'Linux', category: 'practice', aliases: ['linux'] },
  tdd: { label: 'Test-driven development', category: 'practice', aliases: ['tdd', 'test-driven', 'test driven development'] },
  serverless: { label: 'Serverless', category: 'practice', aliases: ['serverless'] },
  'event-driven': { label: 'Event-driven architecture', category: 'practice', aliases: ['event-driven', 'event driven'] },
  'distributed-systems': { label: 'Distributed systems', category: 'practice', aliases: ['distributed systems'] },
  llm: { label: 'LLMs', category: 'practice', aliases: ['llm', 'llms', 'large language models', 'large language model'] },
} satisfies Record<string, SkillDef>;

export type Skill = keyof typeof DEFS;

/** Skill slug -> label and category, for the market view. */
export const SKILLS: Readonly<Record<Skill, { label: string; category: SkillCategory }>> = Object.fromEntries(
  Object.entries(DEFS).map(([slug, d]) => [slug, { label: d.label, category: d.category }]),
) as Record<Skill, { label: string; category: SkillCategory }>;
export const SKILL_SLUGS = Object.keys(DEFS) as Skill[];

const ALIAS_TO_SKILL = new Map<string, Skill>();
for (const [slug, d] of Object.entries(DEFS) as [Skill, SkillDef][]) for (const a of d.aliases) ALIAS_TO_SKILL.set(a, slug);

// Aliases that are ordinary words need their proper casing ("the rest of", "at the helm",
// "American Express", "celery sticks").
const CASED: Record<string, (raw: string) => boolean> = {
  rest: (raw) => raw === 'REST',
  express: (raw) => raw === 'Express',
  gin: (raw) => raw === 'Gin',
  spark: (raw) => raw === 'Spark',
  helm: (raw) => raw === 'Helm',
  flask: (raw) => raw === 'Flask',
  rails: (raw) => raw === 'Rails' || raw === 'RAILS',
  ror: (raw) => raw === 'RoR' || raw === 'ROR',
  jenkins: (raw) => raw === 'Jenkins',
  sentry: (raw) => raw === 'Sentry',
  prometheus: (raw) => raw === 'Prometheus',
  celery: (raw) => raw === 'Celery',
  hibernate: (raw) => raw === 'Hibernate',
  airflow: (raw) => raw === 'Airflow',
  eks: (raw) => raw === 'EKS',
  gke: (raw) => raw === 'GKE',
  ec2: (raw) => raw === 'EC2',
  tdd: (raw) => raw === 'TDD',
  llm: (raw) => raw === 'LLM',
  llms: (raw) => raw === 'LLMs',
  angular: (raw) => raw !== 'angular',
  pandas: (raw) => raw === 'pandas' || raw === 'Pandas',
};
/** Every alias scan.ts looks for (lower case, whole words). */
export const SKILL_TERMS: readonly string[] = [...ALIAS_TO_SKILL.keys()];
const SPACES = /\s+/g;
const AMERICAN_BEFORE = /american\s+$/i;
// The language scan claims "spring" and "phoenix" first; as skills they need the framework word.
const FRAMEWORK_NEXT: Record<string, [RegExp, Skill]> = {
  spring: [/^\s+(?:boot|framework|mvc|cloud)\b/i, 'spring'],
  phoenix: [/^\s+(?:framework|liveview|live\s+view)\b/i, 'phoenix'],
};

/** The skill a matched term names here, or null ("the rest of", "American Express"...). */
export function skillOfTerm(text: string, start: number, end: number, raw: string): Skill | null {
  let key = raw.toLowerCase();
  if (key.includes(' ') || key.includes('\n') || key.includes('\t')) key = key.replace(SPACES, ' ');
  const framework = FRAMEWORK_NEXT[key];
  if (framework) return framework[0].test(text.slice(end, end + 16)) ? framework[1] : null;
  const check = CASED[key];
  if (check && !check(raw)) return null;
  if (key === 'express' && AMERICAN_BEFORE.test(text.slice(Math.max(0, start - 10), start))) return null;
  return ALIAS_TO_SKILL.get(key) ?? null;
}

/** A skill term found in a text, at `index`. */
export interface SkillHit {
  value: Skill;
  index: number;
}

/** A tag list naming more skills than this is a keyword dump; such tags need the text to agree. */
const MAX_TAG_SKILLS = 10;

/** Skill slugs in order of first evidence: title, then tags, then description. */
export function rankSkills(tags: readonly string[], titleHits: readonly SkillHit[], descriptionHits: readonly SkillHit[]): Skill[] {
  const found = new Map<Skill, number>();
  for (const h of titleHits) if (!found.has(h.value)) found.set(h.value, -2_000_000 + h.index);
  const fromText = new Map<Skill, number>();
  for (const h of descriptionHits) if (!fromText.has(h.value)) fromText.set(h.value, h.index);
  const tagSkills: Skill[] = [];
  for (const tag of tags) {
    const skill = ALIAS_TO_SKILL.get(tag.trim().toLowerCase().replace(SPACES, ' '));
    if (skill && !tagSkills.includes(skill)) tagSkills.push(skill);
  }
  const soup = tagSkills.length > MAX_TAG_SKILLS;
  tagSkills.forEach((skill, i) => {
    if (!found.has(skill) && (!soup || fromText.has(skill))) found.set(skill, -1_000_000 + i);
  });
  for (const [skill, pos] of fromText) if (!found.has(skill)) found.set(skill, pos);
  return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([skill]) => skill);
}
