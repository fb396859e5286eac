// One Backend interface; the Tauri implementation talks to the Rust engine, the mock one (only in
// `--mode mock` builds, for browser tests) keeps data in memory.
import type { ErrorCode } from '../bindings/ErrorCode';
import type { Business } from '../bindings/Business';
import type { Correction } from '../bindings/Correction';
import type { Counts } from '../bindings/Counts';
import type { Intent } from '../bindings/Intent';
import type { EngineEvent } from '../bindings/EngineEvent';
import type { Mention } from '../bindings/Mention';
import type { MentionPage } from '../bindings/MentionPage';
import type { MentionQuery } from '../bindings/MentionQuery';
import type { Source } from '../bindings/Source';
import type { SourceSpec } from '../bindings/SourceSpec';
import type { Status } from '../bindings/Status';
import type { Reply } from '../bindings/Reply';
import type { ReplyRules } from '../bindings/ReplyRules';
import type { Action } from '../bindings/Action';
import type { AuthorHistory } from '../bindings/AuthorHistory';
import type { Check } from '../bindings/Check';
import type { Note } from '../bindings/Note';
import type { Report } from '../bindings/Report';
import type { SavedReply } from '../bindings/SavedReply';
import type { Targets } from '../bindings/Targets';
import type { StartupProblem } from '../bindings/StartupProblem';
import type { DeviceCode } from '../bindings/DeviceCode';
import type { Page } from '../bindings/Page';
import type { TeamLook } from '../bindings/TeamLook';
import type { AlertPolicy } from '../bindings/AlertPolicy';
import type { TeamStatus } from '../bindings/TeamStatus';
import type { SourceListener } from '../bindings/SourceListener';

export type { AlertPolicy, DeviceCode, Page, SourceListener, TeamLook, TeamStatus };
export type { SourceCheck } from '../bindings/SourceCheck';
import type { SourceCheck } from '../bindings/SourceCheck';
export type { Action, AuthorHistory, Business, Check, Correction, Counts, Intent, EngineEvent, Mention, MentionPage, MentionQuery, Note, Reply, ReplyRules, Report, SavedReply, Source, SourceSpec, StartupProblem, Status, Targets };

/** What restoring a backup did: the backup used, and where the replaced database was kept. */
export interface Restored {
  from: string;
  kept: string | null;
}

/** A Facebook login waiting for the owner to enter `user_code` at `verification_uri`. */
export interface FacebookCode extends DeviceCode {
  flow: number;
}

/** A Mastodon or Google login waiting for the browser (or a pasted code). */
/** A mailbox sign-in in the browser: Gmail / Google Workspace, or Outlook / Microsoft 365. */
export interface EmailSignIn {
  address: string;
  provider: 'google' | 'microsoft';
  /** The owner's own OAuth client (the README says how to make one). */
  clientId: string;
  clientSecret: string | null;
  imap: string | null;
  smtp: string | null;
}

export interface LoginStarted {
  flow: number;
  authorize_url: string;
}

export interface AppInfo {
  demo: boolean;
  alerts_paused: boolean;
  urgent_threshold: number;
  data_file: string;
}

/** An error from the backend: branch on `code`, show `message`. The engine's codes are
 * generated (`ErrorCode`); the shell adds its own for things only it does. */
export interface BackendError {
  code: ErrorCode | 'no_link' | 'open_failed' | 'unavailable' | 'team' | 'unknown';
  message: string;
  /** For `rate_limited`: when to try again (unix seconds), if the network said. */
  retry_at?: number;
}

/** What the UI listens to: the engine's events, plus `resync` when events were missed. */
export type BackendEvent = EngineEvent | { type: 'resync' };

export interface Backend {
  listMentions(query: MentionQuery): Promise<MentionPage>;
  getMention(id: number): Promise<Mention>;
  markRead(id: number): Promise<Mention>;
  setStatus(id: number, status: Status): Promise<Mention>;
  /** The owner's correction of triage; triage learns from it. */
  correct(id: number, correction: Correction): Promise<Mention>;
  counts(): Promise<Counts>;
  getBusiness(): Promise<Business | null>;
  /** First run: the business and the sources chosen (a feed without a name is named after its site). */
  completeOnboarding(business: Business, sources: SourceSpec[]): Promise<Source[]>;
  /** Opens the demo (simulated networks, its own data folder) in a window beside this one. */
  tryDemo(): Promise<void>;
  saveBusiness(business: Business): Promise<void>;
  listSources(): Promise<Source[]>;
  /** Adds a source, or changes the one of that name; one listening to what another does is refused. */
  addSource(spec: SourceSpec): Promise<Source>;
  /** Fetches once from a source not saved yet and says what it found. */
  checkSource(spec: SourceSpec): Promise<SourceCheck>;
  /** Polls every source now, however slow its pace has become while it found nothing. */
  checkNow(): Promise<void>;
  removeSource(id: number): Promise<void>;
  appInfo(): Promise<AppInfo>;
  setAlertsPaused(paused: boolean): Promise<void>;
  /** When to be notified: from what urgency, what counts as urgent, quiet hours (on a team,
   * this person's own). */
  getAlertPolicy(): Promise<AlertPolicy>;
  setAlertPolicy(policy: AlertPolicy): Promise<AlertPolicy>;
  openOriginal(id: number): Promise<void>;
  /** How a mention can be answered; null when only on its site. */
  replyRules(id: number): Promise<ReplyRules | null>;
  listReplies(id: number): Promise<Reply[]>;
  /** Queues a reply; its progress arrives as `reply_updated` events. */
  sendReply(id: number, body: string, isPrivate: boolean): Promise<Reply>;
  retryReply(replyId: number): Promise<Reply>;
  /** Opens the instance's login page in the browser; the result arrives as `login_finished`. */
  beginMastodonLogin(name: string, instance: string): Promise<LoginStarted>;
  finishMastodonLogin(flow: number, pasted: string): Promise<void>;
  loginBluesky(name: string, handle: string, appPassword: string): Promise<Source>;
  /** Adds an email inbox (IMAP to hear, SMTP to answer); the password goes to the keychain. */
  addEmail(address: string, password: string, imap: string, smtp: string): Promise<Source>;
  /** Gives the X source the app's bearer token (its filtered stream); empty: poll again. */
  setXAppToken(sourceId: number, token: string): Promise<Source>;
  logout(sourceId: number): Promise<Source>;
  /** Facebook Login for Devices with the app `{app-id}|{client-token}`: the code to show. */
  beginFacebookLogin(appId: string): Promise<FacebookCode>;
  /** Waits until the owner approved the code: the Pages they manage. */
  facebookPages(flow: number): Promise<Page[]>;
  /** Listens to the Page (and, with `instagram`, its Instagram account). */
  chooseFacebookPage(flow: number, pageId: string, instagram: boolean): Promise<Source[]>;
  /** Opens Google's sign-in for the reviews; the result arrives as `login_finished`; a pasted
   * code goes through `finishMastodonLogin`. */
  beginGoogleLogin(clientId: string, clientSecret: string | null): Promise<LoginStarted>;
  /** Opens Google's sign-in for the owner's YouTube channel; the result arrives as
   * `login_finished`. */
  beginYoutubeLogin(clientId: string, clientSecret: string | null): Promise<LoginStarted>;
  /** Signs in to a Gmail or Microsoft mailbox in the browser (XOAUTH2); ends with `login_finished`. */
  beginEmailLogin(signIn: EmailSignIn): Promise<LoginStarted>;
  /** Opens X's authorization page for the owner's own app, with a monthly read cap. */
  beginXLogin(clientId: string, monthlyCap: number | null): Promise<LoginStarted>;
  /** Opens Reddit's authorization page for the source `name`; the result arrives as
   * `login_finished`. */
  beginRedditLogin(name: string, clientId: string): Promise<LoginStarted>;
  /** Hides a Facebook or Instagram comment on the network (or shows it again). */
  hideComment(id: number, hidden: boolean): Promise<Mention>;
  /** Deletes the owner's reply to a Google review. */
  deleteReviewReply(id: number): Promise<Mention>;
  /** One action on one or more mentions (all or none). */
  applyAction(ids: number[], action: Action): Promise<Mention[]>;
  listNotes(id: number): Promise<Note[]>;
  addNote(id: number, author: string | null, body: string): Promise<Note>;
  deleteNote(id: number, noteId: number): Promise<void>;
  listSavedReplies(): Promise<SavedReply[]>;
  saveSavedReply(reply: SavedReply): Promise<SavedReply>;
  deleteSavedReply(id: number): Promise<void>;
  usedSavedReply(id: number): Promise<void>;
  listHelpers(): Promise<string[]>;
  setHelpers(names: string[]): Promise<string[]>;
  getTargets(): Promise<Targets>;
  setTargets(targets: Targets): Promise<Targets>;
  getThread(id: number): Promise<Mention[]>;
  authorHistory(id: number): Promise<AuthorHistory>;
  /** Asks the network for the author's reach now (Bluesky); the mention comes back updated. */
  refreshAuthor(id: number): Promise<Mention>;
  /** The pre-send check: personal data, tone, an angry thread. */
  checkReply(id: number, body: string, isPrivate: boolean): Promise<Check>;
  getReport(since: number, until: number): Promise<Report>;
  /** Writes the mentions and the figures as CSV files; returns their paths. */
  exportCsv(since: number, until: number): Promise<string[]>;
  /** Shows an exported file in the system's file manager. */
  openFolder(path: string): Promise<void>;
  /** Why Earshot could not start (a damaged database, one from a newer Earshot), or null. */
  startupProblem(): Promise<StartupProblem | null>;
  /** Restores the newest backup that passes the check and starts the engine on it. */
  restoreNewestBackup(): Promise<Restored>;
  showDataFolder(): Promise<void>;
  quit(): Promise<void>;
  /** When the team's database cannot be reached at start: work alone on this computer's file. */
  workAlone(): Promise<void>;
  /** This desktop's team (none: `address` null), who is on it, who listens for each source. */
  teamStatus(): Promise<TeamStatus>;
  /** What is at a team's address: an inbox already, or an empty database to bring one to. */
  lookAtTeam(address: string, password: string | null): Promise<TeamLook>;
  /** Joins the team (bringing this desktop's inbox into an empty one); the inbox reloads. */
  joinTeam(address: string, password: string | null, name: string, bringInbox: boolean): Promise<TeamStatus>;
  /** Leaves the team: back to this computer's own file. */
  leaveTeam(): Promise<TeamStatus>;
  /** Tells the team this person began or stopped writing a reply to a mention (a no-op alone). */
  setComposing(mentionId: number, open: boolean): Promise<void>;
  /** Whether Earshot starts (hidden in the tray) when the owner logs in. */
  getAutostart(): Promise<boolean>;
  setAutostart(enabled: boolean): Promise<boolean>;
  /** Engine events; returns an unsubscribe function. */
  onEngineEvent(cb: (e: BackendEvent) => void): Promise<() => void>;
  /** A notification's "Open" (or "Reply": open the reply box too) was clicked. */
  onOpenMention(cb: (id: number, reply: boolean) => void): Promise<() => void>;
}

/** Whatever a call threw, as a backend error (a plain exception becomes code `unknown`). */
export function asBackendError(e: unknown): BackendError {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return e as BackendError;
  return { code: 'unknown', message: errorMessage(e) };
}

export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as BackendError).message);
  return String(e);
}

export async function loadBackend(): Promise<Backend> {
  if (import.meta.env.MODE === 'mock') {
    const { MockBackend } = await import('./mock');
    return new MockBackend();
  }
  const { TauriBackend } = await import('./tauri');
  return new TauriBackend();
}
