declare module 'pipwerks-scorm-api-wrapper' {
  interface PipwerksScorm {
    version: '1.2' | '2004' | null;
    API: { get(): unknown; getHandle(): unknown; find(win: Window): unknown; handle: unknown; isFound: boolean };
    get(element: string): string;
  }
  const pipwerks: { SCORM: PipwerksScorm; debug: { isActive: boolean } };
  export default pipwerks;
}
