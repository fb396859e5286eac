"""Fake desktop services on the private D-Bus session bus, so tests can see what the app does:
org.freedesktop.Notifications records every Notify call, org.kde.StatusNotifierWatcher records
tray icons that register. Runs its own asyncio loop in a thread; tests call the sync helpers."""
import asyncio
import threading

from dbus_next import BusType, Message, MessageType, Variant
from dbus_next.aio import MessageBus
from dbus_next.service import ServiceInterface, dbus_property, method, signal, PropertyAccess


class Notifications(ServiceInterface):
    def __init__(self):
        super().__init__('org.freedesktop.Notifications')
        self.calls = []
        self.next_id = 1

    @method()
    def Notify(self, app_name: 's', replaces_id: 'u', app_icon: 's', summary: 's', body: 's',
               actions: 'as', hints: 'a{sv}', expire_timeout: 'i') -> 'u':
        nid = self.next_id
        self.next_id += 1
        urgency = hints.get('urgency')
        self.calls.append({'id': nid, 'app_name': app_name, 'summary': summary, 'body': body,
                           'actions': list(actions), 'urgency': urgency.value if urgency else None})
        return nid

    @method()
    def GetCapabilities(self) -> 'as':
        # Like GNOME Shell and KDE: bodies are read as markup, so Earshot must escape post text.
        return ['actions', 'body', 'body-markup']

    @method()
    def GetServerInformation(self) -> 'ssss':
        return ['earshot-fake', 'earshot', '1.0', '1.2']

    @method()
    def CloseNotification(self, nid: 'u'):
        pass

    @signal()
    def ActionInvoked(self, nid, action) -> 'us':
        return [nid, action]

    @signal()
    def NotificationClosed(self, nid, reason) -> 'uu':
        return [nid, reason]


class Watcher(ServiceInterface):
    def __init__(self):
        super().__init__('org.kde.StatusNotifierWatcher')
        self.items = []  # (sender, service-or-path)

    @method()
    def RegisterStatusNotifierItem(self, service: 's'):
        pass  # the sender is recorded by the message handler, which sees it

    @method()
    def RegisterStatusNotifierHost(self, service: 's'):
        pass

    @dbus_property(access=PropertyAccess.READ)
    def RegisteredStatusNotifierItems(self) -> 'as':
        return [s for _, s in self.items]

    @dbus_property(access=PropertyAccess.READ)
    def IsStatusNotifierHostRegistered(self) -> 'b':
        return True

    @dbus_property(access=PropertyAccess.READ)
    def ProtocolVersion(self) -> 'i':
        return 0

    @signal()
    def StatusNotifierItemRegistered(self, service) -> 's':
        return service

    @signal()
    def StatusNotifierHostRegistered(self) -> '':
        return None


class FakeBus:
    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.notifications = Notifications()
        self.watcher = Watcher()
        self.run(self._start())

    def run(self, coro, timeout=20):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    async def _start(self):
        self.bus = await MessageBus(bus_type=BusType.SESSION).connect()

        def spy(msg):
            if msg.message_type == MessageType.METHOD_CALL and msg.member == 'RegisterStatusNotifierItem':
                self.watcher.items.append((msg.sender, msg.body[0]))
            return None

        self.bus.add_message_handler(spy)
        self.bus.export('/org/freedesktop/Notifications', self.notifications)
        self.bus.export('/StatusNotifierWatcher', self.watcher)
        await self.bus.request_name('org.freedesktop.Notifications')
        await self.bus.request_name('org.kde.StatusNotifierWatcher')

    def invoke_action(self, nid, action='default'):
        self.loop.call_soon_threadsafe(self.notifications.ActionInvoked, nid, action)

    async def _get(self, dest, path, iface, prop):
        reply = await self.bus.call(Message(destination=dest, path=path, interface='org.freedesktop.DBus.Properties',
                                            member='Get', signature='ss', body=[iface, prop]))
        if reply.message_type == MessageType.ERROR:
            raise RuntimeError(f'{prop}: {reply.error_name} {reply.body}')
        return reply.body[0].value

    def tray_property(self, prop):
        sender, path = self.watcher.items[-1]
        if not path.startswith('/'):
            sender, path = path, '/StatusNotifierItem'
        return self.run(self._get(sender, path, 'org.kde.StatusNotifierItem', prop))

    def tray_menu_labels(self):
        sender, path = self.watcher.items[-1]
        menu_path = self.tray_property('Menu')

        async def layout():
            reply = await self.bus.call(Message(destination=sender, path=menu_path, interface='com.canonical.dbusmenu',
                                                member='GetLayout', signature='iias', body=[0, -1, []]))
            if reply.message_type == MessageType.ERROR:
                raise RuntimeError(f'GetLayout: {reply.error_name} {reply.body}')
            return reply.body[1]

        labels = []

        def walk(node):
            _id, props, children = node
            if 'label' in props:
                labels.append(props['label'].value.replace('_', ''))
            for c in children:
                walk(c.value if isinstance(c, Variant) else c)

        walk(self.run(layout()))
        return labels
