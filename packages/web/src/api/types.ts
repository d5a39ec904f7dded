/**
 * Names for the API's shapes, taken from the generated schema.d.ts (never written by hand), so the
 * UI and the server cannot disagree silently.
 */
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type OkOf<R> = R extends { 200: infer A } ? Json<A> : R extends { 201: infer B } ? Json<B> : never;
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** What a successful call of this route answers. */
export type Reply<P extends keyof paths, M extends Method = 'get'> = Operation<P, M> extends { responses: infer R } ? OkOf<R> : never;
/** What this route takes as its JSON body. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

export type Me = Reply<'/api/me'>;
export type Conversation = Reply<'/api/conversations'>['conversations'][number];
export type Timeline = Reply<'/api/conversations/{id}'>;
export type Message = Timeline['messages'][number];
export type Analysis = NonNullable<Message['analysis']>;
export type Guidance = Timeline['guidance'];
export type RecommendedAction = Guidance['actions'][number];
export type Suggestion = Guidance['suggestions'][number];
export type Alert = Reply<'/api/alerts'>['alerts'][number];
export type Incident = Reply<'/api/incidents'>['incidents'][number];
export type IncidentDetail = Reply<'/api/incidents/{id}'>;
export type Ingested = Reply<'/api/messages', 'post'>;
export type AgentAction = Body<'/api/conversations/{id}/actions', 'post'>['action'];
export type MyWellbeing = Reply<'/api/wellbeing/me'>;
export type TeamWellbeing = Reply<'/api/wellbeing/team'>;
export type FollowUp = Reply<'/api/follow-ups'>['followUps'][number];
export type Organisation = Reply<'/api/organisation'>;
export type User = Reply<'/api/users'>['users'][number];
export type Team = Reply<'/api/teams'>['teams'][number];
export type Label = Analysis['label'];
export type Language = Analysis['language'];
