# Validates Lock Sentinel's code service calls against Home Assistant's own schemas, read from the installed HA's
# source (no HA server, no device needed): a lock platform's async_register_entity_service(...) schema dict, or MQTT's
# publish schema. Reads [{domain, service, service_data, target?}] on stdin; prints one JSON line per call:
# {"call": "zha.set_lock_user_code", "result": "valid" | "invalid" | "absent"}. Never prints service data (it holds PINs).
import ast, importlib, importlib.util, json, os, sys
import voluptuous as vol
from homeassistant.const import __version__
from homeassistant.helpers import config_validation as cv


def namespace(module_name, tree):
    """vol, cv, the module's own string constants, and what it imports by name (where importable)."""
    ns = {'vol': vol, 'cv': cv}
    package = module_name.rsplit('.', 1)[0]
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    ns[t.id] = node.value.value
        elif isinstance(node, ast.ImportFrom):
            source = importlib.util.resolve_name('.' * node.level + (node.module or ''), package) if node.level else node.module
            for alias in node.names:
                try:
                    ns[alias.asname or alias.name] = getattr(importlib.import_module(source), alias.name)
                except Exception:
                    pass
    return ns


def entity_service_schema(domain, service):
    spec = importlib.util.find_spec(f'homeassistant.components.{domain}')
    path = os.path.join(spec.submodule_search_locations[0], 'lock.py')
    if not os.path.exists(path):
        return None
    tree = ast.parse(open(path, encoding='utf-8').read())
    ns = namespace(f'homeassistant.components.{domain}.lock', tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, 'attr', '') == 'async_register_entity_service':
            if eval(compile(ast.Expression(node.args[0]), path, 'eval'), ns) == service:
                return cv.make_entity_service_schema(eval(compile(ast.Expression(node.args[1]), path, 'eval'), ns))
    return None


def schema_for(domain, service):
    if (domain, service) == ('mqtt', 'publish'):
        mqtt = importlib.import_module('homeassistant.components.mqtt')
        if hasattr(mqtt, 'MQTT_PUBLISH_SCHEMA'):
            return mqtt.MQTT_PUBLISH_SCHEMA
        # HA 2026.x keeps it in the integration's services module.
        return importlib.import_module('homeassistant.components.mqtt.services').MQTT_PUBLISH_SCHEMA
    return entity_service_schema(domain, service)


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
    except vol.Invalid:
        result = 'invalid'
    print(json.dumps({'call': name, 'result': result}))
