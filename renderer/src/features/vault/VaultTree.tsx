import { ChevronRight, MoreHorizontal } from 'lucide-react';
import { useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Button, Collection, Menu, MenuItem, MenuTrigger, Popover, Tooltip, TooltipTrigger, Tree, TreeItem, TreeItemContent, type Key, type Selection } from 'react-aria-components';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { useApp } from '../../store/store.js';
import { opensContextMenu } from '../keys/key-shortcuts.js';
import { ALL_KEYS, branchIds, countsInWords, vaultTree, type VaultTreeNode } from './vault-tree-model.js';
import './vault.css';
import '../keys/keys.css';

/**
 * provider → organization → instance as an ARIA tree (react-aria's Tree: one Tab stop, arrow keys
 * move and select, Left/Right close and open). Each instance says its environment in words and
 * each node counts its keys, those due and those rejected; an instance has a menu (its "⋯" button,
 * a right click or Shift+F10).
 */
export function VaultTree() {
  const overview = useApp((s) => s.overview);
  const selected = useApp((s) => s.selectedNode);
  const selectNode = useApp((s) => s.selectNode);
  const root = useMemo(() => vaultTree(overview), [overview]);
  const branches = useMemo(() => branchIds(root), [root]);
  // Open until the person closes a node: a new provider shows at once.
  const [closed, setClosed] = useState<ReadonlySet<Key>>(new Set());
  const expanded = useMemo(() => new Set(branches.filter((id) => !closed.has(id))), [branches, closed]);
  const [menuFor, setMenuFor] = useState<string | null>(null);

  const onSelectionChange = (keys: Selection) => {
    if (keys === 'all') return;
    const [id] = [...keys];
    if (id !== undefined) selectNode(id === ALL_KEYS ? null : String(id));
  };
  const instanceOf = (target: EventTarget) => (target instanceof Element ? (target.closest<HTMLElement>('[data-instance]')?.dataset.instance ?? null) : null);
  const onKeyDownCapture = (e: KeyboardEvent) => {
    const ref = instanceOf(e.target);
    if (ref && opensContextMenu(e)) {
      e.preventDefault();
      e.stopPropagation();
      setMenuFor(ref);
    }
  };
  const onContextMenu = (e: MouseEvent) => {
    const ref = instanceOf(e.target);
    if (!ref) return;
    e.preventDefault();
    setMenuFor(ref);
  };

  const renderNode = (n: VaultTreeNode) => (
    <TreeItem
      id={n.id}
      textValue={n.label}
      className={`tree-node tree-node-${n.kind} ${n.env ? `tree-${n.env}` : ''}`}
      {...(n.kind === 'instance' ? { 'data-instance': n.id } : {})}
    >
      <TreeItemContent>
        {({ hasChildItems, isHovered, isFocused, isSelected, isFocusVisibleWithin }) => (
          <>
            {hasChildItems ? (
              <Button slot="chevron" className="tree-chevron">
                <ChevronRight size={14} aria-hidden />
              </Button>
            ) : (
              <span className="tree-chevron-space" aria-hidden />
            )}
            <NodeLabel node={n} />
            {/* Drawn where it can be used (the pointer's node, the focused or selected one, an open menu):
                every mounted button re-renders when the keyboard takes over from the mouse. */}
            {n.kind === 'instance' && (isHovered || isFocused || isSelected || isFocusVisibleWithin || menuFor === n.id) ? (
              <InstanceMenu instance={n} isOpen={menuFor === n.id} onOpenChange={(open) => setMenuFor(open ? n.id : null)} />
            ) : (
              n.kind === 'instance' && <span className="tree-menu-space" aria-hidden />
            )}
          </>
        )}
      </TreeItemContent>
      {n.children.length > 0 && <Collection items={n.children}>{renderNode}</Collection>}
    </TreeItem>
  );

  return (
    <nav className="tree" aria-label="Vault" onKeyDownCapture={onKeyDownCapture} onContextMenu={onContextMenu}>
      <Tree
        aria-label="Vault"
        className="vault-tree"
        items={[root, ...root.children]}
        selectionMode="single"
        selectionBehavior="replace"
        disallowEmptySelection
        selectedKeys={[selected ?? ALL_KEYS]}
        onSelectionChange={onSelectionChange}
        expandedKeys={expanded}
        onExpandedChange={(keys) => setClosed(new Set(branches.filter((id) => !keys.has(id))))}
        dependencies={[menuFor]}
      >
        {(n) => (n.kind === 'all' ? renderAll(n) : renderNode(n))}
      </Tree>
    </nav>
  );
}

/** "All keys" has the whole vault's counts and no children of its own (the providers sit beside it). */
function renderAll(n: VaultTreeNode) {
  return (
    <TreeItem id={n.id} textValue={n.label} className="tree-node tree-node-all">
      <TreeItemContent>
        <span className="tree-chevron-space" aria-hidden />
        <NodeLabel node={n} />
      </TreeItemContent>
    </TreeItem>
  );
}

/** A node's name, environment and counts: in words for a screen reader, as badges on screen. */
function NodeLabel({ node: n }: { node: VaultTreeNode }) {
  return (
    <>
      <span className="tree-label">
        <span className="tree-name">
          {n.label}
          <span className="visually-hidden">, {n.env ? `${n.env}, ` : ''}{countsInWords(n.counts)}</span>
        </span>
        <span className="tree-badges" aria-hidden title={countsInWords(n.counts)}>
          {n.env && <EnvBadge env={n.env} />}
          {n.counts.due > 0 && <span className="due-count">{n.counts.due} due</span>}
          {n.counts.rejected > 0 && <span className="rejected-count">{n.counts.rejected} rejected</span>}
        </span>
      </span>
      <span className="count" aria-hidden>
        {n.counts.keys}
      </span>
    </>
  );
}

function InstanceMenu({ instance, isOpen, onOpenChange }: { instance: VaultTreeNode; isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const open = useApp((s) => s.open);
  return (
    <MenuTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      <TooltipTrigger delay={500}>
        <Button className="row-menu-button tree-menu-button" aria-label={`Actions for ${instance.id}`} aria-keyshortcuts="Shift+F10" excludeFromTabOrder>
          <MoreHorizontal size={16} aria-hidden />
        </Button>
        <Tooltip className="tooltip" placement="end">
          Actions for {instance.id} (Shift+F10)
        </Tooltip>
      </TooltipTrigger>
      <Popover placement="bottom end" className="menu-popover">
        <Menu
          aria-label={`Actions for ${instance.id}`}
          className="menu"
          onAction={(action) => {
            if (action === 'add-key') open({ kind: 'add-key' });
            if (action === 'remove-instance') open({ kind: 'remove-instance', ref: instance.id });
          }}
        >
          <MenuItem id="add-key" className="menu-item" textValue="Add a key…">
            Add a key…
          </MenuItem>
          <MenuItem id="remove-instance" className="menu-item menu-item-danger" textValue="Remove instance…">
            Remove instance…
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
