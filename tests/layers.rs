//! The layer rule, checked by a tool rather than by hope. Every file of `src/core/`, `src/io/` and
//! `src/cli/` is parsed (syn) and every path it names is resolved the way the compiler would read it:
//! `use` trees flattened (`crate::{io::x, core::y}`), `self`/`super` made absolute from the file's
//! module, and names brought in by `use` (also renamed ones, `use jiff::Zoned as Z`) expanded where
//! they are used, in code and inside macro calls. Then:
//! - `src/core/` names neither `crate::io` nor `crate::ui`, no GUI, audio, database, file, network or
//!   process crate, no clock (`Zoned::now`, `Timestamp::now`, `SystemTime::now`, `Instant::now`) and
//!   no random id or unseeded randomness (`Uuid::new_v4`, `rand::rng`, `thread_rng`, `OsRng`, ...):
//!   time and seeds are passed in;
//! - `src/io/` and `src/cli/` do not name `crate::ui`;
//! - `src/ui/` does not reach storage or audio directly.
//!
//! The same parse also finds functions over 80 lines (from `fn` to the closing brace), in `src/`,
//! `tests/`, `benches/` and `examples/`; a table may be longer when it says so with
//! `#[allow(clippy::too_many_lines)]` and why.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// Paths (or their beginnings) `src/core/` must not name.
const CORE_FORBIDDEN_PREFIXES: &[&str] = &[
    "crate::io",
    "crate::ui",
    "followthrough::io",
    "followthrough::ui",
    "egui",
    "eframe",
    "egui_plot",
    "rodio",
    "hound",
    "rusqlite",
    "notify",
    "rfd",
    "open",
    "directories",
    "walkdir",
    "tempfile",
    "std::fs",
    "std::net",
    "std::process",
    "std::env",
    "rand::rng",
    "rand::thread_rng",
    "rand::random",
    "rand::rngs::ThreadRng",
    "rand::rngs::OsRng",
    "rand::rngs::SysRng",
];

/// Calls `src/core/` must not make, whatever the path leading to them: clocks and random ids.
const CORE_FORBIDDEN_ENDINGS: &[&str] = &[
    "Zoned::now",
    "Timestamp::now",
    "SystemTime::now",
    "Instant::now",
    "Uuid::new_v4",
    "from_entropy",
    "from_os_rng",
    "thread_rng",
];

/// One path a file names, made absolute where it can be, with its line.
#[derive(Debug, Clone, PartialEq)]
struct Named {
    path: String,
    line: usize,
}

/// The module path of a source file: `src/core/scenario/parse.rs` -> `crate::core::scenario::parse`.
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix("src").unwrap_or(file);
    let mut parts: Vec<String> =
        relative.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib" || p == "main") {
        parts.pop();
    }
    std::iter::once("crate".to_string()).chain(parts).collect()
}

/// Make `segments` absolute from `module` when they start with `self`, `super` or `crate`.
fn absolute(module: &[String], segments: &[String]) -> Vec<String> {
    let mut base: Vec<String> = module.to_vec();
    let mut rest = segments;
    match segments.first().map(String::as_str) {
        Some("crate") => return segments.to_vec(),
        Some("self") => rest = &segments[1..],
        Some("super") => {
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        _ => return segments.to_vec(),
    }
    base.extend(rest.iter().cloned());
    base
}

/// Walks one file: collects every path with the names `use` brought in.
struct Collector {
    module: Vec<String>,
    imports: HashMap<String, Vec<String>>,
    named: Vec<Named>,
}

impl Collector {
    fn add(&mut self, segments: Vec<String>, line: usize) {
        // A lone name not brought in by `use` is local (a variable, a function, a type here).
        if segments.len() == 1 && !self.imports.contains_key(&segments[0]) {
            return;
        }
        let expanded = match segments.first().and_then(|first| self.imports.get(first)) {
            Some(full) if segments.len() > 1 || full.last() != segments.first() => {
                full.iter().cloned().chain(segments.into_iter().skip(1)).collect()
            }
            _ => absolute(&self.module, &segments),
        };
        self.named.push(Named { path: expanded.join("::"), line });
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree, line: usize) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree, line);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.imported(prefix, &n.ident.to_string(), &n.ident.to_string(), line),
            syn::UseTree::Rename(r) => self.imported(prefix, &r.ident.to_string(), &r.rename.to_string(), line),
            syn::UseTree::Glob(_) => {
                let full = absolute(&self.module, prefix);
                self.named.push(Named { path: full.join("::"), line });
            }
            syn::UseTree::Group(g) => {
                for item in &g.items {
                    self.use_tree(prefix, item, line);
                }
            }
        }
    }

    fn imported(&mut self, prefix: &[String], name: &str, alias: &str, line: usize) {
        let mut segments = prefix.to_vec();
        if name != "self" {
            segments.push(name.to_string());
        }
        let full = absolute(&self.module, &segments);
        self.named.push(Named { path: full.join("::"), line });
        let alias = if name == "self" { prefix.last().cloned().unwrap_or_default() } else { alias.to_string() };
        if alias != "_" {
            self.imports.insert(alias, full);
        }
    }

    /// Paths inside a macro call's tokens (`format!("{}", Zoned::now())`), read as `a::b::c` runs.
    fn tokens(&mut self, stream: TokenStream) {
        let mut run: Vec<String> = Vec::new();
        let mut line = 0;
        let mut colons = 0;
        for tree in stream {
            match tree {
                TokenTree::Ident(ident) => {
                    if !run.is_empty() && colons != 2 {
                        self.add(std::mem::take(&mut run), line);
                    }
                    if run.is_empty() {
                        line = ident.span().start().line;
                    }
                    run.push(ident.to_string());
                    colons = 0;
                }
                TokenTree::Punct(p) if p.as_char() == ':' && !run.is_empty() => colons += 1,
                TokenTree::Group(g) => {
                    if !run.is_empty() {
                        self.add(std::mem::take(&mut run), line);
                    }
                    self.tokens(g.stream());
                    colons = 0;
                }
                _ => {
                    if !run.is_empty() {
                        self.add(std::mem::take(&mut run), line);
                    }
                    colons = 0;
                }
            }
        }
        if run.len() > 1 {
            self.add(run, line);
        }
    }
}

impl<'ast> Visit<'ast> for Collector {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let line = item.use_token.span.start().line;
        self.use_tree(&mut Vec::new(), &item.tree, line);
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        let saved = std::mem::take(&mut self.imports);
        self.module.push(item.ident.to_string());
        syn::visit::visit_item_mod(self, item);
        self.module.pop();
        self.imports = saved;
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let line = path.segments.first().map_or(0, |s| s.ident.span().start().line);
        self.add(segments, line);
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.visit_path(&mac.path);
        self.tokens(mac.tokens.clone());
    }
}

/// Every path `text` (the source of the module `module`) names.
fn named_paths(module: Vec<String>, text: &str) -> Vec<Named> {
    let file = syn::parse_file(text).expect("the source parses");
    let mut collector = Collector { module, imports: HashMap::new(), named: Vec::new() };
    collector.visit_file(&file);
    collector.named
}

fn starts_with_path(path: &str, prefix: &str) -> bool {
    path == prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with("::"))
}

/// The offences of core code: forbidden paths and calls.
fn core_offences(named: &[Named]) -> Vec<String> {
    let mut out = Vec::new();
    for n in named {
        let prefix = CORE_FORBIDDEN_PREFIXES.iter().find(|p| starts_with_path(&n.path, p));
        let ending = CORE_FORBIDDEN_ENDINGS.iter().find(|e| n.path == **e || n.path.ends_with(&format!("::{e}")));
        if let Some(word) = prefix.or(ending) {
            out.push(format!("line {}: `{}` (names `{word}`)", n.line, n.path));
        }
    }
    out
}

fn ui_offences(named: &[Named]) -> Vec<String> {
    named
        .iter()
        .filter(|n| starts_with_path(&n.path, "crate::ui") || starts_with_path(&n.path, "followthrough::ui"))
        .map(|n| format!("line {}: `{}`", n.line, n.path))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder").filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Check every file under `dir` with `rule`; the offences, each with its file.
fn check(dir: &str, rule: fn(&[Named]) -> Vec<String>) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(Path::new(dir), &mut files);
    assert!(files.len() >= 3, "{dir} has its modules");
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for offence in rule(&named_paths(module_of(&file), &text)) {
            offences.push(format!("{}: {offence}", file.display()));
        }
    }
    offences
}

#[test]
fn core_names_no_io_ui_gui_audio_database_files_clock_or_random_ids() {
    let offences = check("src/core", core_offences);
    assert!(offences.is_empty(), "src/core must stay pure:\n{}", offences.join("\n"));
}

#[test]
fn io_and_cli_do_not_reach_up_into_the_ui() {
    for dir in ["src/io", "src/cli"] {
        let offences = check(dir, ui_offences);
        assert!(offences.is_empty(), "{dir} must not use the UI:\n{}", offences.join("\n"));
    }
}

#[test]
fn ui_does_not_reach_into_storage_or_audio_directly() {
    let rule: fn(&[Named]) -> Vec<String> = |named| {
        named
            .iter()
            .filter(|n| ["rusqlite", "std::fs", "rodio"].iter().any(|p| starts_with_path(&n.path, p)))
            .map(|n| format!("line {}: `{}`; go through src/io", n.line, n.path))
            .collect()
    };
    let offences = check("src/ui", rule);
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

/// The checker itself: what it must catch, and what it must let through.
#[test]
fn the_checker_resolves_groups_renames_super_and_macro_calls() {
    let module = module_of(Path::new("src/core/coach/session.rs"));
    let caught = |source: &str| core_offences(&named_paths(module.clone(), source));
    for bad in [
        "use crate::io::store::Store;",
        "use crate::{core::drill, io::audio};",
        "use super::super::super::io::dirs;",
        "use super::super::super::ui;",
        "fn f() { crate::ui::run(); }",
        "use jiff::Zoned; fn f() { Zoned::now(); }",
        "use jiff::Zoned as Clock; fn f() { let _ = Clock::now(); }",
        "fn f() { jiff::Timestamp::now(); }",
        "use std::time::{Duration, Instant}; fn f() { Instant::now(); }",
        "fn f() { std::time::SystemTime::now(); }",
        "fn f() { uuid::Uuid::new_v4(); }",
        "fn f() { let _ = format!(\"{}\", uuid::Uuid::new_v4()); }",
        "fn f() { let _: u8 = rand::random(); }",
        "use rand::Rng; fn f() { let mut r = rand::rng(); }",
        "use std::fs; fn f() { fs::read(\"x\"); }",
        "mod tests { use crate::io::store; }",
    ] {
        assert!(!caught(bad).is_empty(), "not caught: {bad}");
    }
    for good in [
        "use crate::core::scenario::Scenario;",
        "use super::plan::Turnout;",
        "use rand::SeedableRng; use rand::rngs::StdRng; fn f() { StdRng::seed_from_u64(7); }",
        "fn now(ms: u64) -> u64 { ms } fn f() { now(3); }",
        "// crate::io::store is named in a comment only\nfn f() {}",
        "fn f() { let _ = \"Zoned::now\"; }",
        "use jiff::Timestamp; fn f(t: Timestamp) -> Timestamp { t }",
        "struct Io; fn f() { let _ = Io; }",
    ] {
        assert!(caught(good).is_empty(), "wrongly caught: {good}: {:?}", caught(good));
    }
    let io_module = module_of(Path::new("src/io/store/mod.rs"));
    assert!(!ui_offences(&named_paths(io_module.clone(), "use crate::ui::app::Command;")).is_empty());
    assert!(!ui_offences(&named_paths(io_module.clone(), "use super::super::ui;")).is_empty());
    assert!(ui_offences(&named_paths(io_module, "use crate::core::progress::Attempt;")).is_empty());
}

/// The longest a function may be, in lines from `fn` to its closing brace (comments and blank lines
/// count: a reader scrolls past them too). Clippy's `too_many_lines` (clippy.toml) counts code lines only.
const MAX_FUNCTION_LINES: usize = 80;

/// Finds functions longer than [`MAX_FUNCTION_LINES`], except those marked as tables with
/// `#[allow(clippy::too_many_lines)]` (the reason goes beside it).
struct LongFunctions {
    found: Vec<String>,
}

impl LongFunctions {
    fn function(&mut self, attrs: &[syn::Attribute], sig: &syn::Signature, body: &syn::Block) {
        let table = attrs.iter().any(|a| match &a.meta {
            syn::Meta::List(list) => list.path.is_ident("allow") && list.tokens.to_string().contains("too_many_lines"),
            _ => false,
        });
        let (start, end) = (sig.fn_token.span.start().line, body.brace_token.span.close().end().line);
        let lines = end - start + 1;
        if lines > MAX_FUNCTION_LINES && !table {
            self.found.push(format!("line {start}: `{}` is {lines} lines", sig.ident));
        }
    }
}

impl<'ast> Visit<'ast> for LongFunctions {
    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        self.function(&item.attrs, &item.sig, &item.block);
        syn::visit::visit_item_fn(self, item);
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        self.function(&item.attrs, &item.sig, &item.block);
        syn::visit::visit_impl_item_fn(self, item);
    }

    fn visit_trait_item_fn(&mut self, item: &'ast syn::TraitItemFn) {
        if let Some(body) = &item.default {
            self.function(&item.attrs, &item.sig, body);
        }
        syn::visit::visit_trait_item_fn(self, item);
    }
}

/// The functions of `text` over the limit.
fn long_functions(text: &str) -> Vec<String> {
    let file = syn::parse_file(text).expect("the source parses");
    let mut finder = LongFunctions { found: Vec::new() };
    finder.visit_file(&file);
    finder.found
}

#[test]
fn no_function_is_over_80_lines_except_tables() {
    let offences = offences_in(&["src", "tests", "benches", "examples"], long_functions);
    assert!(offences.is_empty(), "split these (or mark a table, with why):\n{}", offences.join("\n"));
}

/// What `find` says of each Rust file under `dirs`, each line led by the file's path.
fn offences_in(dirs: &[&str], find: fn(&str) -> Vec<String>) -> Vec<String> {
    let mut files = Vec::new();
    for dir in dirs {
        rust_files(Path::new(dir), &mut files);
    }
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        offences.extend(find(&text).into_iter().map(|o| format!("{}: {o}", file.display())));
    }
    offences
}

#[test]
fn the_length_checker_counts_from_fn_to_the_closing_brace_and_spares_tables() {
    let body = |n: usize| "    let _ = 1;\n".repeat(n);
    // `fn` line + body + closing brace.
    assert!(long_functions(&format!("fn f() {{\n{}}}\n", body(MAX_FUNCTION_LINES - 2))).is_empty());
    assert_eq!(long_functions(&format!("fn f() {{\n{}}}\n", body(MAX_FUNCTION_LINES - 1))).len(), 1);
    let method = format!("struct S;\nimpl S {{\n    fn m(&self) {{\n{}    }}\n}}\n", body(MAX_FUNCTION_LINES));
    assert_eq!(long_functions(&method).len(), 1);
    let nested = format!("fn outer() {{\n    fn inner() {{\n{}    }}\n}}\n", body(MAX_FUNCTION_LINES));
    assert_eq!(long_functions(&nested).len(), 2, "both the inner function and the one around it");
    let table = format!("#[allow(clippy::too_many_lines)] // a table\nfn t() {{\n{}}}\n", body(200));
    assert!(long_functions(&table).is_empty());
}

/// The longest a source file under `src/` may be, in lines.
const MAX_FILE_LINES: usize = 600;

#[test]
fn no_source_file_is_over_600_lines() {
    let long = offences_in(&["src"], |text| {
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES { vec![format!("{lines} lines")] } else { Vec::new() }
    });
    assert!(long.is_empty(), "split these by job:\n{}", long.join("\n"));
}

/// Finds `Result<_, String>`: errors are typed (`thiserror`), so a caller can tell them apart and
/// show or log each once.
struct StringErrors {
    found: Vec<String>,
}

impl<'ast> Visit<'ast> for StringErrors {
    fn visit_path_segment(&mut self, segment: &'ast syn::PathSegment) {
        if segment.ident == "Result"
            && let syn::PathArguments::AngleBracketed(args) = &segment.arguments
            && let Some(syn::GenericArgument::Type(syn::Type::Path(error))) = args.args.iter().nth(1)
            && error.path.is_ident("String")
        {
            self.found.push(format!("line {}", segment.ident.span().start().line));
        }
        syn::visit::visit_path_segment(self, segment);
    }
}

/// Where `text` names `Result<_, String>`.
fn string_errors(text: &str) -> Vec<String> {
    let file = syn::parse_file(text).expect("the source parses");
    let mut finder = StringErrors { found: Vec::new() };
    finder.visit_file(&file);
    finder.found
}

#[test]
fn no_error_is_a_bare_string() {
    let offences = offences_in(&["src"], string_errors);
    assert!(offences.is_empty(), "give these a typed error (thiserror):\n{}", offences.join("\n"));
}

#[test]
fn the_string_error_checker_finds_it_in_aliases_and_closures() {
    assert_eq!(string_errors("fn f() -> Result<u8, String> { Ok(1) }").len(), 1);
    assert_eq!(string_errors("type Open = Box<dyn FnMut() -> std::result::Result<(), String>>;").len(), 1);
    assert!(string_errors("fn f() -> Result<String, E> { todo!() }").is_empty());
    assert!(string_errors("fn f() -> io::Result<String> { todo!() }").is_empty());
}
