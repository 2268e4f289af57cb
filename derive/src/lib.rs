//! `#[derive(FromJson)]`: a decoder from `&serde_json::Value` for the crate's data types; and
//! `#[derive(ToJson)]` (at the end), its writer counterpart.
//!
//! serde's derived `Deserialize` is generic over the deserializer and builds a visitor, a field
//! enum and a map loop per type; in wasm that came to about a quarter of the module. The code
//! generated here is a chain of calls to small generic helpers in `crate::json` (one per field
//! type, shared by all structs), so a struct costs a few bytes per field.
//!
//! It reads the `#[serde(...)]` attributes the types already carry for `Serialize`, so both
//! directions agree on names: `rename`, `rename_all` (`snake_case`, `camelCase`), `default`,
//! `default = "path"`, `skip`, `deny_unknown_fields`, `untagged`; `skip_serializing_if` and
//! `skip_serializing` concern `Serialize` only. Any other serde key is a compile error
//! (`compile_error!` at the attribute), rather than a silent disagreement with `Serialize`; the
//! doc tests of `crate::json` in the main crate show both sides.
//! Shapes: structs with named fields; enums of unit variants (strings); externally tagged enums
//! whose variants have named fields; untagged enums of one-field tuple variants.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{parse_macro_input, Attribute, Data, DeriveInput, Fields, LitStr};

#[proc_macro_derive(FromJson, attributes(serde))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(t) => t.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// The `#[serde(...)]` keys this derive understands, on a container, field or variant.
#[derive(Default)]
struct Attrs {
    rename: Option<String>,
    rename_all: Option<String>,
    /// `default` alone is `Some(None)`; `default = "f"` is `Some(Some(f))`.
    default: Option<Option<syn::ExprPath>>,
    skip: bool,
    /// `skip` or `skip_serializing`: left out of `ToJson`'s output.
    skip_ser: bool,
    /// `skip_serializing_if = "path"`.
    skip_if: Option<syn::ExprPath>,
    deny_unknown_fields: bool,
    untagged: bool,
}

fn attrs(list: &[Attribute]) -> syn::Result<Attrs> {
    let mut a = Attrs::default();
    for attr in list.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
            let value = if meta.input.peek(syn::Token![=]) { Some(meta.value()?.parse::<LitStr>()?) } else { None };
            match (key.as_str(), value) {
                ("rename", Some(v)) => a.rename = Some(v.value()),
                ("rename_all", Some(v)) => a.rename_all = Some(v.value()),
                ("default", None) => a.default = Some(None),
                ("default", Some(v)) => a.default = Some(Some(v.parse()?)),
                ("skip", None) => {
                    a.skip = true;
                    a.skip_ser = true;
                }
                ("skip_deserializing", None) => a.skip = true,
                ("deny_unknown_fields", None) => a.deny_unknown_fields = true,
                ("untagged", None) => a.untagged = true,
                // Serialization only: decoding reads every field whatever they say.
                ("skip_serializing_if", Some(v)) => a.skip_if = Some(v.parse()?),
                ("skip_serializing", None) => a.skip_ser = true,
                // Anything else would be ignored here while `Serialize` obeys it, and the two
                // directions would disagree without a word: refuse it at compile time.
                (other, _) => return Err(meta.error(format!("FromJson: `#[serde({other})]` is not implemented by this derive"))),
            }
            Ok(())
        })?;
    }
    Ok(a)
}

/// The JSON name of a Rust identifier under `rename_all`.
fn renamed(ident: &str, rule: Option<&str>, is_variant: bool) -> syn::Result<String> {
    let snake = |s: &str| {
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if c.is_uppercase() {
                if i > 0 {
                    out.push('_');
                }
                out.extend(c.to_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    };
    let ident = ident.trim_start_matches("r#");
    Ok(match rule {
        None => ident.to_string(),
        Some("snake_case") if is_variant => snake(ident),
        Some("snake_case") => ident.to_string(),
        Some("camelCase") if is_variant => {
            let mut c = ident.chars();
            c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
        }
        Some("camelCase") => {
            let mut out = String::new();
            let mut up = false;
            for ch in ident.chars() {
                if ch == '_' {
                    up = true;
                } else if up {
                    out.extend(ch.to_uppercase());
                    up = false;
                } else {
                    out.push(ch);
                }
            }
            out
        }
        Some(other) => return Err(syn::Error::new(proc_macro2::Span::call_site(), format!("FromJson: unsupported rename_all {other:?}"))),
    })
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let container = attrs(&input.attrs)?;
    let body = match &input.data {
        Data::Struct(s) => {
            let Fields::Named(fields) = &s.fields else {
                return Err(syn::Error::new_spanned(name, "FromJson: only structs with named fields"));
            };
            let build = named_fields(quote!(#name), &fields.named, &container)?;
            quote! {
                let object = crate::json::object(value)?;
                #build
            }
        }
        Data::Enum(e) if container.untagged => untagged(name, e)?,
        Data::Enum(e) => tagged(name, e, &container)?,
        Data::Union(_) => return Err(syn::Error::new_spanned(name, "FromJson: unions are not supported")),
    };
    let (imp, ty, wh) = input.generics.split_for_impl();
    let key = key_impl(input, &container)?;
    Ok(quote! {
        #key
        impl #imp crate::json::FromJson for #name #ty #wh {
            fn from_json(value: &serde_json::Value) -> ::core::result::Result<Self, crate::json::DecodeError> {
                #body
            }
        }
    })
}

/// `Path { field: …, … }` from the map `object`, honouring `deny_unknown_fields` of `container`.
fn named_fields(path: Tokens, fields: &syn::punctuated::Punctuated<syn::Field, syn::Token![,]>, container: &Attrs) -> syn::Result<Tokens> {
    let mut names = Vec::new();
    let mut inits = Vec::new();
    for f in fields {
        let ident = f.ident.as_ref().expect("named field");
        let a = attrs(&f.attrs)?;
        if a.skip {
            inits.push(quote!(#ident: ::core::default::Default::default()));
            continue;
        }
        let key = match a.rename {
            Some(r) => r,
            None => renamed(&ident.to_string(), container.rename_all.as_deref(), false)?,
        };
        let init = match a.default {
            None => quote!(crate::json::field(object, #key)?),
            Some(None) => quote!(crate::json::field_or(object, #key, ::core::default::Default::default)?),
            Some(Some(f)) => quote!(crate::json::field_or(object, #key, #f)?),
        };
        inits.push(quote!(#ident: #init));
        names.push(key);
    }
    let deny = container.deny_unknown_fields.then(|| quote!(crate::json::deny_unknown(object, &[#(#names),*])?;));
    Ok(quote! {
        #deny
        Ok(#path { #(#inits),* })
    })
}

/// Unit variants from a string; variants with named fields from `{"variant": {…}}`.
fn tagged(name: &syn::Ident, e: &syn::DataEnum, container: &Attrs) -> syn::Result<Tokens> {
    let mut names = Vec::new();
    let mut unit_arms = Vec::new();
    let mut struct_arms = Vec::new();
    for v in &e.variants {
        let a = attrs(&v.attrs)?;
        let ident = &v.ident;
        let key = match a.rename {
            Some(r) => r,
            None => renamed(&ident.to_string(), container.rename_all.as_deref(), true)?,
        };
        match &v.fields {
            Fields::Unit => unit_arms.push(quote!(#key => return Ok(#name::#ident),)),
            Fields::Named(fields) => {
                let inner = Attrs { deny_unknown_fields: container.deny_unknown_fields, ..Attrs::default() };
                let build = named_fields(quote!(#name::#ident), &fields.named, &inner)?;
                struct_arms.push(quote!(#key => {
                    let object = crate::json::object(inner).map_err(|e| e.at_key(#key))?;
                    return (|| -> ::core::result::Result<Self, crate::json::DecodeError> { #build })().map_err(|e| e.at_key(#key));
                }));
            }
            Fields::Unnamed(_) => return Err(syn::Error::new_spanned(v, "FromJson: tuple variants only in untagged enums")),
        }
        names.push(key);
    }
    let expected = quote!(&[#(#names),*]);
    let units = (!unit_arms.is_empty()).then(|| {
        quote! {
            if let Some(s) = value.as_str() {
                match s { #(#unit_arms)* _ => return Err(crate::json::DecodeError::unknown_variant(s, #expected)) }
            }
        }
    });
    let structs = (!struct_arms.is_empty()).then(|| {
        quote! {
            if let Some((tag, inner)) = crate::json::single_entry(value) {
                match tag { #(#struct_arms)* _ => return Err(crate::json::DecodeError::unknown_variant(tag, #expected)) }
            }
        }
    });
    let what = if struct_arms.is_empty() { "a string" } else { "an object with one key" };
    Ok(quote! {
        #units
        #structs
        Err(crate::json::DecodeError::invalid_type(value, #what))
    })
}

/// For an enum of unit variants: reading one from an object key (a map keyed by the enum).
fn key_impl(input: &DeriveInput, container: &Attrs) -> syn::Result<Option<Tokens>> {
    let Data::Enum(e) = &input.data else { return Ok(None) };
    if container.untagged || e.variants.iter().any(|v| !matches!(v.fields, Fields::Unit)) {
        return Ok(None);
    }
    let name = &input.ident;
    let mut names = Vec::new();
    let mut arms = Vec::new();
    for v in &e.variants {
        let ident = &v.ident;
        let key = match attrs(&v.attrs)?.rename {
            Some(r) => r,
            None => renamed(&ident.to_string(), container.rename_all.as_deref(), true)?,
        };
        arms.push(quote!(#key => Ok(#name::#ident),));
        names.push(key);
    }
    Ok(Some(quote! {
        impl crate::json::FromKey for #name {
            fn from_key(key: &str) -> ::core::result::Result<Self, crate::json::DecodeError> {
                match key { #(#arms)* _ => Err(crate::json::DecodeError::unknown_variant(key, &[#(#names),*])) }
            }
        }
    }))
}

/// The first one-field variant whose type decodes the value.
fn untagged(name: &syn::Ident, e: &syn::DataEnum) -> syn::Result<Tokens> {
    let mut tries = Vec::new();
    for v in &e.variants {
        let ident = &v.ident;
        match &v.fields {
            Fields::Unnamed(f) if f.unnamed.len() == 1 => {
                tries.push(quote!(if let Ok(v) = crate::json::FromJson::from_json(value) { return Ok(#name::#ident(v)); }));
            }
            _ => return Err(syn::Error::new_spanned(v, "FromJson: untagged enums need one-field tuple variants")),
        }
    }
    let msg = format!("data that matches a variant of {name}");
    Ok(quote! {
        #(#tries)*
        Err(crate::json::DecodeError::invalid_type(value, #msg))
    })
}

/// `#[derive(ToJson)]`: writes the type as JSON text into a `String`, byte for byte as serde_json
/// writes its derived `Serialize` (same attributes: `rename`, `rename_all`, `skip`,
/// `skip_serializing`, `skip_serializing_if`, `untagged`), as calls to the small helpers of
/// `crate::json` (one `Obj::field` per field type, shared by all structs).
#[proc_macro_derive(ToJson, attributes(serde))]
pub fn derive_to_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand_to_json(&input) {
        Ok(t) => t.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// `"key":` as a literal; names are identifiers or plain renames, so they need no escapes.
fn key_literal(key: &str, span: &dyn quote::ToTokens) -> syn::Result<String> {
    if key.chars().any(|c| c == '"' || c == '\\' || c < ' ') {
        return Err(syn::Error::new_spanned(span, "ToJson: a field or variant name that needs escapes"));
    }
    Ok(format!("\"{key}\":"))
}

/// The statements writing the named `fields` (bound to `binds`) as one object into `out`.
fn write_fields(
    fields: &syn::punctuated::Punctuated<syn::Field, syn::Token![,]>,
    binds: &[Tokens],
    container: &Attrs,
) -> syn::Result<Tokens> {
    let mut writes = Vec::new();
    for (f, bind) in fields.iter().zip(binds) {
        let ident = f.ident.as_ref().expect("named field");
        let a = attrs(&f.attrs)?;
        if a.skip_ser {
            continue;
        }
        let key = match a.rename {
            Some(r) => r,
            None => renamed(&ident.to_string(), container.rename_all.as_deref(), false)?,
        };
        let lit = key_literal(&key, ident)?;
        writes.push(match a.skip_if {
            Some(p) => quote!(if !#p(#bind) { o.field(#lit, #bind); }),
            None => quote!(o.field(#lit, #bind);),
        });
    }
    Ok(quote! {
        let mut o = crate::json::Obj::begin(out);
        #(#writes)*
        o.end();
    })
}

fn expand_to_json(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let container = attrs(&input.attrs)?;
    let mut key = None;
    let body = match &input.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(fields) => {
                let binds: Vec<Tokens> = fields
                    .named
                    .iter()
                    .map(|f| {
                        let i = f.ident.as_ref().expect("named field");
                        quote!(&self.#i)
                    })
                    .collect();
                write_fields(&fields.named, &binds, &container)?
            }
            Fields::Unnamed(f) if f.unnamed.len() == 1 => quote!(crate::json::ToJson::to_json(&self.0, out);),
            _ => return Err(syn::Error::new_spanned(name, "ToJson: structs with named fields or newtypes only")),
        },
        Data::Enum(e) if container.untagged => {
            let mut arms = Vec::new();
            for v in &e.variants {
                let ident = &v.ident;
                match &v.fields {
                    Fields::Unnamed(f) if f.unnamed.len() == 1 => {
                        arms.push(quote!(#name::#ident(v) => crate::json::ToJson::to_json(v, out),))
                    }
                    _ => return Err(syn::Error::new_spanned(v, "ToJson: untagged enums need one-field tuple variants")),
                }
            }
            quote!(match self { #(#arms)* })
        }
        Data::Enum(e) => {
            let mut arms = Vec::new();
            let all_unit = e.variants.iter().all(|v| matches!(v.fields, Fields::Unit));
            for v in &e.variants {
                let a = attrs(&v.attrs)?;
                let ident = &v.ident;
                let tag = match a.rename {
                    Some(r) => r,
                    None => renamed(&ident.to_string(), container.rename_all.as_deref(), true)?,
                };
                let lit = key_literal(&tag, ident)?;
                match &v.fields {
                    Fields::Unit => {
                        let s = format!("\"{tag}\"");
                        arms.push(quote!(#name::#ident => #s,));
                    }
                    Fields::Named(fields) => {
                        let binds: Vec<Tokens> = (0..fields.named.len())
                            .map(|i| {
                                let b = quote::format_ident!("__f{}", i);
                                quote!(#b)
                            })
                            .collect();
                        let pats = fields.named.iter().zip(&binds).map(|(f, b)| {
                            let i = f.ident.as_ref().expect("named field");
                            quote!(#i: #b)
                        });
                        let inner = Attrs { rename_all: None, ..Attrs::default() };
                        let w = write_fields(&fields.named, &binds, &inner)?;
                        arms.push(quote!(#name::#ident { #(#pats),* } => {
                            crate::json::raw(out, concat!("{", #lit));
                            { #w }
                            crate::json::raw(out, "}");
                            return;
                        }));
                    }
                    Fields::Unnamed(f) if f.unnamed.len() == 1 => {
                        arms.push(quote!(#name::#ident(v) => {
                            crate::json::raw(out, concat!("{", #lit));
                            crate::json::ToJson::to_json(v, out);
                            crate::json::raw(out, "}");
                            return;
                        }));
                    }
                    _ => return Err(syn::Error::new_spanned(v, "ToJson: unit, named-field or newtype variants only")),
                }
            }
            if all_unit {
                key = Some(quote! {
                    impl crate::json::ToKey for #name {
                        fn to_key(&self, out: &mut String) {
                            crate::json::ToJson::to_json(self, out)
                        }
                    }
                });
            }
            quote! {
                let s: &'static str = match self { #(#arms)* };
                crate::json::raw(out, s);
            }
        }
        Data::Union(_) => return Err(syn::Error::new_spanned(name, "ToJson: unions are not supported")),
    };
    let (imp, ty, wh) = input.generics.split_for_impl();
    Ok(quote! {
        #key
        impl #imp crate::json::ToJson for #name #ty #wh {
            #[allow(unreachable_code, clippy::needless_return)]
            fn to_json(&self, out: &mut ::std::string::String) {
                #body
            }
        }
    })
}
