import { mountInbox } from '../../inbox/mount';

mountInbox(document.getElementById('app'));
