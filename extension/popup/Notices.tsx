import { SignInNotice } from './SignInNotice';
import { usePopup } from './state';
import { UpdateNotice } from './UpdateNotice';

/**
 * Notices asked for after the first render, on every popup opening: "update Curbside" (the server
 * refused this version) and "a new device signed in as you".
 */
export function Notices() {
  const app = usePopup();
  return (
    <>
      <UpdateNotice />
      {app.signedIn.value && <SignInNotice />}
    </>
  );
}
