# Validates Lock Sentinel's code service calls against Home Assistant's own schemas, read from the installed HA's
# source (no HA server, no device needed): the schema its services.py registers (HA 2026.x:
# async_register_platform_entity_service), else its lock platform's async_register_entity_service (2025.x), or MQTT's
# publish schema. Reads [{domain, service, service_data, target?}] on stdin; prints one JSON line per call:
# {"call": "zha.set_lock_user_code", "result": "valid" | "invalid" | "absent"}. Never prints service data (it holds PINs).
import ast, functools, importlib, importlib.util, json, os, sys
import voluptuous as vol
try:  # HA 2026.x validates with probatio
    import probatio
    INVALID = (vol.Invalid, probatio.Invalid)
except ImportError:
    INVALID = (vol.Invalid,)
from homeassistant.const import __version__
from homeassistant.helpers import config_validation as cv


def namespace(module_name, tree):
    """vol, cv, what the module imports by name (where importable) and its module-level assignments that evaluate."""
    ns = {'vol': vol, 'cv': cv}
    package = module_name.rsplit('.', 1)[0]
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            try:
                value = eval(compile(ast.Expression(node.value), module_name, 'eval'), ns)
            except Exception:
                continue
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                if isinstance(t, ast.Name):
                    ns[t.id] = value
        elif isinstance(node, (ast.ImportFrom, ast.Import)):
            for alias in node.names:
                try:
                    if isinstance(node, ast.Import):
                        ns[alias.asname or alias.name.split('.')[0]] = importlib.import_module(alias.name if alias.asname else alias.name.split('.')[0])
                        continue
                    source = importlib.util.resolve_name('.' * node.level + (node.module or ''), package) if node.level else node.module
                    ns[alias.asname or alias.name] = getattr(importlib.import_module(source), alias.name)
                except Exception:
                    # A module of the integration whose libraries the lab does not install (zha, matter): its constants
                    # from its source.
                    if isinstance(node, ast.ImportFrom) and node.level:
                        value = source_namespace(source).get(alias.name)
                        if value is not None:
                            ns[alias.asname or alias.name] = value
                    elif isinstance(node, ast.ImportFrom):
                        # A third-party library the lab does not install (Matter's chip clusters): its enum members
                        # only serve as dict keys in HA's constants, so a named stand-in keeps HA's own schema intact.
                        ns[alias.asname or alias.name] = Missing(f'{node.module}.{alias.name}')
    return ns


class Missing:
    """A name from a library that is not installed: each attribute is another distinct, hashable stand-in."""

    def __init__(self, path):
        self._path = path

    def __getattr__(self, name):
        return Missing(f'{self._path}.{name}')

    def __eq__(self, other):
        return isinstance(other, Missing) and other._path == self._path

    def __hash__(self):
        return hash(self._path)


@functools.cache
def source_namespace(module_name):
    spec = importlib.util.find_spec(module_name.rsplit('.', 1)[0])
    path = os.path.join(spec.submodule_search_locations[0], module_name.rsplit('.', 1)[1] + '.py')
    if not os.path.exists(path):
        return {}
    return namespace(module_name, ast.parse(open(path, encoding='utf-8').read()))


REGISTER = {
    # function name: (index of the service name among the positional args, index of the schema or None for schema=)
    'async_register_entity_service': (0, 1),
    'async_register_platform_entity_service': (2, None),
}


def service_names(call, parents, ns, path):
    """The service name(s) a registration call stands for: its argument, or the loop values it takes."""
    name_index = REGISTER[call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id][0]
    arg = call.args[name_index]
    try:
        return [eval(compile(ast.Expression(arg), path, 'eval'), ns)]
    except Exception:
        pass
    node = parents.get(call)
    while node is not None and not isinstance(node, ast.For):
        node = parents.get(node)
    if node is None or not isinstance(arg, ast.Name):
        return []
    names = []
    try:
        for item in eval(compile(ast.Expression(node.iter), path, 'eval'), ns):
            target = node.target
            if isinstance(target, ast.Tuple):
                for t, v in zip(target.elts, item):
                    if isinstance(t, ast.Name) and t.id == arg.id:
                        names.append(v)
            elif isinstance(target, ast.Name) and target.id == arg.id:
                names.append(item)
    except Exception:
        return []
    return names


def source_schema(domain, filename, service):
    """The schema a lock service is registered with, read from the integration's source file (HA 2025.x: lock.py's
    async_register_entity_service; HA 2026.x: services.py's async_register_platform_entity_service)."""
    spec = importlib.util.find_spec(f'homeassistant.components.{domain}')
    path = os.path.join(spec.submodule_search_locations[0], filename)
    if not os.path.exists(path):
        return None
    tree = ast.parse(open(path, encoding='utf-8').read())
    ns = namespace(f'homeassistant.components.{domain}.{filename[:-3]}', tree)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        fname = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, 'id', '')
        if fname not in REGISTER or service not in service_names(node, parents, ns, path):
            continue
        schema_index = REGISTER[fname][1]
        expr = node.args[schema_index] if schema_index is not None else next(k.value for k in node.keywords if k.arg == 'schema')
        schema = eval(compile(ast.Expression(expr), path, 'eval'), ns)
        return cv.make_entity_service_schema(schema) if isinstance(schema, dict) else schema
    return None


def schema_for(domain, service):
    if (domain, service) == ('mqtt', 'publish'):
        mqtt = importlib.import_module('homeassistant.components.mqtt')
        if hasattr(mqtt, 'MQTT_PUBLISH_SCHEMA'):
            return mqtt.MQTT_PUBLISH_SCHEMA
        # HA 2026.x keeps it in the integration's services module.
        return importlib.import_module('homeassistant.components.mqtt.services').MQTT_PUBLISH_SCHEMA
    return source_schema(domain, 'services.py', service) or source_schema(domain, 'lock.py', service)


print(json.dumps({'ha': __version__}))
for call in json.load(sys.stdin):
    name = f"{call['domain']}.{call['service']}"
    schema = schema_for(call['domain'], call['service'])
    if schema is None:
        print(json.dumps({'call': name, 'result': 'absent'}))
        continue
    data = {**call['service_data'], **call.get('target', {})}
    try:
        schema(data)
        result = 'valid'
    except INVALID:
        result = 'invalid'
    print(json.dumps({'call': name, 'result': result}))
