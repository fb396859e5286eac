import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { Action, AuthorHistory, Check, Note, Report, Restored, SavedReply, StartupProblem, Targets } from './index';
import type { AppInfo, Backend, BackendEvent, Business, Correction, Counts, EngineEvent, LoginStarted, Mention, MentionPage, MentionQuery, Reply, ReplyRules, Source, SourceSpec, Status } from './index';

export class TauriBackend implements Backend {
  listMentions(query: MentionQuery) { return invoke<MentionPage>('list_mentions', { query }); }
  getMention(id: number) { return invoke<Mention>('get_mention', { id }); }
  markRead(id: number) { return invoke<Mention>('mark_read', { id }); }
  setStatus(id: number, status: Status) { return invoke<Mention>('set_status', { id, status }); }
  correct(id: number, correction: Correction) { return invoke<Mention>('correct_mention', { id, correction }); }
  counts() { return invoke<Counts>('counts'); }
  getBusiness() { return invoke<Business | null>('get_business'); }
  completeOnboarding(business: Business, feeds: string[]) { return invoke<Source[]>('complete_onboarding', { business, feeds }); }
  saveBusiness(business: Business) { return invoke<void>('save_business', { business }); }
  listSources() { return invoke<Source[]>('list_sources'); }
  addSource(spec: SourceSpec) { return invoke<Source>('add_source', { spec }); }
  removeSource(id: number) { return invoke<void>('remove_source', { id }); }
  appInfo() { return invoke<AppInfo>('app_info'); }
  setAlertsPaused(paused: boolean) { return invoke<void>('set_alerts_paused', { paused }); }
  openOriginal(id: number) { return invoke<void>('open_original', { id }); }
  replyRules(id: number) { return invoke<ReplyRules | null>('reply_rules', { id }); }
  listReplies(id: number) { return invoke<Reply[]>('list_replies', { id }); }
  sendReply(id: number, body: string, isPrivate: boolean) { return invoke<Reply>('send_reply', { id, body, private: isPrivate }); }
  retryReply(replyId: number) { return invoke<Reply>('retry_reply', { replyId }); }
  beginMastodonLogin(name: string, instance: string) { return invoke<LoginStarted>('begin_mastodon_login', { name, instance }); }
  finishMastodonLogin(flow: number, pasted: string) { return invoke<void>('finish_mastodon_login', { flow, pasted }); }
  loginBluesky(name: string, handle: string, appPassword: string) { return invoke<Source>('login_bluesky', { name, handle, appPassword }); }
  logout(id: number) { return invoke<Source>('logout', { id }); }
  applyAction(ids: number[], action: Action) { return invoke<Mention[]>('apply_action', { ids, action }); }
  listNotes(id: number) { return invoke<Note[]>('list_notes', { id }); }
  addNote(id: number, author: string | null, body: string) { return invoke<Note>('add_note', { id, author, body }); }
  deleteNote(id: number, noteId: number) { return invoke<void>('delete_note', { id, noteId }); }
  listSavedReplies() { return invoke<SavedReply[]>('list_saved_replies'); }
  saveSavedReply(reply: SavedReply) { return invoke<SavedReply>('save_saved_reply', { reply }); }
  deleteSavedReply(id: number) { return invoke<void>('delete_saved_reply', { id }); }
  usedSavedReply(id: number) { return invoke<void>('used_saved_reply', { id }); }
  listHelpers() { return invoke<string[]>('list_helpers'); }
  setHelpers(names: string[]) { return invoke<string[]>('set_helpers', { names }); }
  getTargets() { return invoke<Targets>('get_targets'); }
  setTargets(targets: Targets) { return invoke<Targets>('set_targets', { targets }); }
  getThread(id: number) { return invoke<Mention[]>('get_thread', { id }); }
  authorHistory(id: number) { return invoke<AuthorHistory>('author_history', { id }); }
  refreshAuthor(id: number) { return invoke<Mention>('refresh_author', { id }); }
  checkReply(id: number, body: string, isPrivate: boolean) { return invoke<Check>('check_reply', { id, body, private: isPrivate }); }
  getReport(since: number, until: number) { return invoke<Report>('get_report', { since, until }); }
  exportCsv(since: number, until: number) { return invoke<string[]>('export_csv', { since, until }); }
  startupProblem() { return invoke<StartupProblem | null>('startup_problem'); }
  restoreNewestBackup() { return invoke<Restored>('restore_newest_backup'); }
  showDataFolder() { return invoke<void>('show_data_folder'); }
  quit() { return invoke<void>('quit'); }
  getAutostart() { return invoke<boolean>('get_autostart'); }
  setAutostart(enabled: boolean) { return invoke<boolean>('set_autostart', { enabled }); }
  async onEngineEvent(cb: (e: BackendEvent) => void) {
    const un1 = await listen<EngineEvent>('engine', (e) => cb(e.payload));
    const un2 = await listen('engine-resync', () => cb({ type: 'resync' }));
    return () => { un1(); un2(); };
  }
  async onOpenMention(cb: (id: number) => void) {
    return listen<number>('open-mention', (e) => cb(e.payload));
  }
}
