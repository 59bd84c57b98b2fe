import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/session';
import { listProjects } from '@/lib/projects/projects';
import { formatMinutes } from '@/lib/timelog/labels';
import { LANGUAGES, type Language } from '@/lib/vocabulary';
import { Badge, Card, Stat } from '../components/ui';
import { DeleteProjectButton, ProjectForm } from './project-form';

export const metadata: Metadata = { title: 'Projects' };
export const dynamic = 'force-dynamic';

export default async function ProjectsPage() {
  const user = await requirePageUser('/projects');
  const projects = await listProjects(await getDb(), user.id);
  const deployed = projects.filter((p) => p.status === 'deployed').length;
  const minutes = projects.reduce((sum, p) => sum + p.minutes, 0);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Portfolio projects</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Deployed projects are what employers look at. Log building time against a project on the{' '}
          <Link className="text-brand-700 underline" href="/log">
            time log
          </Link>
          .
        </p>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Deployed" value={deployed} hint="live projects an employer can open" />
        <Stat label="Projects" value={projects.length} />
        <Stat label="Building time logged" value={formatMinutes(minutes)} />
      </div>

      <Card title="Add a project">
        <ProjectForm />
      </Card>

      <section aria-labelledby="projects-heading" className="space-y-3">
        <h2 id="projects-heading" className="text-lg font-semibold">
          Your projects
        </h2>
        {projects.length === 0 ? (
          <Card>
            <p className="text-slate-600">No projects yet. Pick something small you can deploy in a couple of weeks, and add it above.</p>
          </Card>
        ) : (
          <ul className="space-y-3">
            {projects.map((project) => (
              <li key={project.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <h3 className="font-semibold">{project.name}</h3>
                  <Badge tone={project.status === 'deployed' ? 'green' : 'amber'}>{project.status === 'deployed' ? 'Deployed' : 'Building'}</Badge>
                  {project.language ? <Badge>{LANGUAGES[project.language as Language] ?? project.language}</Badge> : null}
                  <span className="text-sm tabular-nums text-slate-600">{formatMinutes(project.minutes)} logged</span>
                  <span className="ml-auto">
                    <DeleteProjectButton id={project.id} name={project.name} />
                  </span>
                </div>
                <p className="mt-1 flex flex-wrap gap-3 text-sm">
                  {project.repoUrl ? (
                    <a className="text-brand-700 underline" href={project.repoUrl} rel="noopener noreferrer" target="_blank">
                      Repository
                    </a>
                  ) : null}
                  {project.liveUrl ? (
                    <a className="text-brand-700 underline" href={project.liveUrl} rel="noopener noreferrer" target="_blank">
                      Live site
                    </a>
                  ) : null}
                </p>
                <details className="mt-2">
                  <summary className="cursor-pointer text-xs font-medium text-slate-600" aria-label={`Edit project ${project.name}`}>
                    Edit
                  </summary>
                  <div className="mt-3">
                    <ProjectForm
                      defaults={{
                        id: project.id,
                        name: project.name,
                        language: project.language,
                        repoUrl: project.repoUrl,
                        liveUrl: project.liveUrl,
                        status: project.status,
                      }}
                    />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
