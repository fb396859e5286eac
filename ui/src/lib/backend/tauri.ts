import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { COMMAND, EVENT } from '../bindings/ipc';
import type { Action, AuthorHistory, Check, EmailSignIn, SourceCheck, FacebookCode, Note, Page, Report, Restored, SavedReply, StartupProblem, Targets, TeamLook, TeamStatus, AlertPolicy } from './index';
import type { AppInfo, Backend, BackendEvent, Business, Correction, Counts, EngineEvent, LoginStarted, Mention, MentionPage, MentionQuery, Reply, ReplyRules, Source, SourceSpec, Status } from './index';

export class TauriBackend implements Backend {
  listMentions(query: MentionQuery) { return invoke<MentionPage>(COMMAND.list_mentions, { query }); }
  getMention(id: number) { return invoke<Mention>(COMMAND.get_mention, { id }); }
  markRead(id: number) { return invoke<Mention>(COMMAND.mark_read, { id }); }
  setStatus(id: number, status: Status) { return invoke<Mention>(COMMAND.set_status, { id, status }); }
  correct(id: number, correction: Correction) { return invoke<Mention>(COMMAND.correct_mention, { id, correction }); }
  counts() { return invoke<Counts>(COMMAND.counts); }
  getBusiness() { return invoke<Business | null>(COMMAND.get_business); }
  completeOnboarding(business: Business, sources: SourceSpec[]) { return invoke<Source[]>(COMMAND.complete_onboarding, { business, sources }); }
  saveBusiness(business: Business) { return invoke<void>(COMMAND.save_business, { business }); }
  listSources() { return invoke<Source[]>(COMMAND.list_sources); }
  addSource(spec: SourceSpec) { return invoke<Source>(COMMAND.add_source, { spec }); }
  checkSource(spec: SourceSpec) { return invoke<SourceCheck>(COMMAND.check_source, { spec }); }
  checkNow() { return invoke<void>(COMMAND.check_now); }
  removeSource(id: number) { return invoke<void>(COMMAND.remove_source, { id }); }
  appInfo() { return invoke<AppInfo>(COMMAND.app_info); }
  setAlertsPaused(paused: boolean) { return invoke<void>(COMMAND.set_alerts_paused, { paused }); }
  openOriginal(id: number) { return invoke<void>(COMMAND.open_original, { id }); }
  replyRules(id: number) { return invoke<ReplyRules | null>(COMMAND.reply_rules, { id }); }
  listReplies(id: number) { return invoke<Reply[]>(COMMAND.list_replies, { id }); }
  sendReply(id: number, body: string, isPrivate: boolean) { return invoke<Reply>(COMMAND.send_reply, { id, body, private: isPrivate }); }
  retryReply(replyId: number) { return invoke<Reply>(COMMAND.retry_reply, { replyId }); }
  beginMastodonLogin(name: string, instance: string) { return invoke<LoginStarted>(COMMAND.begin_mastodon_login, { name, instance }); }
  finishMastodonLogin(flow: number, pasted: string) { return invoke<void>(COMMAND.finish_mastodon_login, { flow, pasted }); }
  loginBluesky(name: string, handle: string, appPassword: string) { return invoke<Source>(COMMAND.login_bluesky, { name, handle, appPassword }); }
  addEmail(address: string, password: string, imap: string, smtp: string) { return invoke<Source>(COMMAND.add_email, { address, password, imap, smtp }); }
  setXAppToken(sourceId: number, token: string) { return invoke<Source>(COMMAND.set_x_app_token, { sourceId, token }); }
  logout(id: number) { return invoke<Source>(COMMAND.logout, { id }); }
  beginFacebookLogin(appId: string) { return invoke<FacebookCode>(COMMAND.begin_facebook_login, { appId }); }
  facebookPages(flow: number) { return invoke<Page[]>(COMMAND.facebook_pages, { flow }); }
  chooseFacebookPage(flow: number, pageId: string, instagram: boolean) { return invoke<Source[]>(COMMAND.choose_facebook_page, { flow, pageId, instagram }); }
  beginGoogleLogin(clientId: string, clientSecret: string | null) { return invoke<LoginStarted>(COMMAND.begin_google_login, { clientId, clientSecret }); }
  beginYoutubeLogin(clientId: string, clientSecret: string | null) { return invoke<LoginStarted>(COMMAND.begin_youtube_login, { clientId, clientSecret }); }
  beginEmailLogin(signIn: EmailSignIn) { return invoke<LoginStarted>(COMMAND.begin_email_login, { signIn }); }
  beginXLogin(clientId: string, monthlyCap: number | null) { return invoke<LoginStarted>(COMMAND.begin_x_login, { clientId, monthlyCap }); }
  beginRedditLogin(name: string, clientId: string) { return invoke<LoginStarted>(COMMAND.begin_reddit_login, { name, clientId }); }
  hideComment(id: number, hidden: boolean) { return invoke<Mention>(COMMAND.hide_comment, { id, hidden }); }
  deleteReviewReply(id: number) { return invoke<Mention>(COMMAND.delete_review_reply, { id }); }
  applyAction(ids: number[], action: Action) { return invoke<Mention[]>(COMMAND.apply_action, { ids, action }); }
  listNotes(id: number) { return invoke<Note[]>(COMMAND.list_notes, { id }); }
  addNote(id: number, author: string | null, body: string) { return invoke<Note>(COMMAND.add_note, { id, author, body }); }
  deleteNote(id: number, noteId: number) { return invoke<void>(COMMAND.delete_note, { id, noteId }); }
  listSavedReplies() { return invoke<SavedReply[]>(COMMAND.list_saved_replies); }
  saveSavedReply(reply: SavedReply) { return invoke<SavedReply>(COMMAND.save_saved_reply, { reply }); }
  deleteSavedReply(id: number) { return invoke<void>(COMMAND.delete_saved_reply, { id }); }
  usedSavedReply(id: number) { return invoke<void>(COMMAND.used_saved_reply, { id }); }
  listHelpers() { return invoke<string[]>(COMMAND.list_helpers); }
  setHelpers(names: string[]) { return invoke<string[]>(COMMAND.set_helpers, { names }); }
  getTargets() { return invoke<Targets>(COMMAND.get_targets); }
  setTargets(targets: Targets) { return invoke<Targets>(COMMAND.set_targets, { targets }); }
  getThread(id: number) { return invoke<Mention[]>(COMMAND.get_thread, { id }); }
  authorHistory(id: number) { return invoke<AuthorHistory>(COMMAND.author_history, { id }); }
  refreshAuthor(id: number) { return invoke<Mention>(COMMAND.refresh_author, { id }); }
  checkReply(id: number, body: string, isPrivate: boolean) { return invoke<Check>(COMMAND.check_reply, { id, body, private: isPrivate }); }
  getReport(since: number, until: number) { return invoke<Report>(COMMAND.get_report, { since, until }); }
  exportCsv(since: number, until: number) { return invoke<string[]>(COMMAND.export_csv, { since, until }); }
  tryDemo() { return invoke<void>(COMMAND.try_demo); }
  openFolder(path: string) { return invoke<void>(COMMAND.reveal_export, { path }); }
  startupProblem() { return invoke<StartupProblem | null>(COMMAND.startup_problem); }
  restoreNewestBackup() { return invoke<Restored>(COMMAND.restore_newest_backup); }
  workAlone() { return invoke<void>(COMMAND.work_alone); }
  teamStatus() { return invoke<TeamStatus>(COMMAND.team_status); }
  lookAtTeam(address: string, password: string | null) { return invoke<TeamLook>(COMMAND.look_at_team, { address, password }); }
  joinTeam(address: string, password: string | null, name: string, bringInbox: boolean) {
    return invoke<TeamStatus>(COMMAND.join_team, { address, password, name, bringInbox });
  }
  leaveTeam() { return invoke<TeamStatus>(COMMAND.leave_team); }
  getAlertPolicy() { return invoke<AlertPolicy>(COMMAND.get_alert_policy); }
  setAlertPolicy(policy: AlertPolicy) { return invoke<AlertPolicy>(COMMAND.set_alert_policy, { policy }); }
  setComposing(mentionId: number, open: boolean) { return invoke<void>(COMMAND.set_composing, { mentionId, open }); }
  showDataFolder() { return invoke<void>(COMMAND.show_data_folder); }
  quit() { return invoke<void>(COMMAND.quit); }
  getAutostart() { return invoke<boolean>(COMMAND.get_autostart); }
  setAutostart(enabled: boolean) { return invoke<boolean>(COMMAND.set_autostart, { enabled }); }
  async onEngineEvent(cb: (e: BackendEvent) => void) {
    const un1 = await listen<EngineEvent>(EVENT.engine, (e) => cb(e.payload));
    const un2 = await listen(EVENT.resync, () => cb({ type: 'resync' }));
    return () => { un1(); un2(); };
  }
  async onOpenMention(cb: (id: number, reply: boolean) => void) {
    type Open = { id: number; reply: boolean };
    const un = await listen<Open>(EVENT.open_mention, (e) => cb(e.payload.id, e.payload.reply));
    // A notification clicked while the window was closed to the tray made this page: the
    // mention it asked for waits in the shell.
    const pending = await invoke<Open | null>(COMMAND.take_pending_open);
    if (pending !== null) cb(pending.id, pending.reply);
    return un;
  }
}
